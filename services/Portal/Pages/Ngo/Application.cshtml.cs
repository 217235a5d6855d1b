using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages.Ngo;

/// <summary>Where the NGO's application stands across the services: clarification, feedback, decision, agreement, reports and payments.</summary>
public sealed class ApplicationModel(ApplicationsApi applications) : PortalPage
{
    [BindProperty]
    public string? Answer { get; set; }

    public ApplicationView? Application { get; private set; }

    public ApplicationStatusView? Status { get; private set; }

    public async Task OnGet(Guid id, CancellationToken ct) => await Load(id, ct);

    public async Task<IActionResult> OnPostAnswer(Guid id, CancellationToken ct)
    {
        if (await Try(() => applications.AnswerClarification(id, Answer ?? "", ct)))
        {
            Notice = T["Your answer is sent; the application is submitted again."];
            return Redirect($"/ngo/applications/{id}");
        }

        await Load(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSign(Guid id, CancellationToken ct)
    {
        if (await Try(() => applications.SignAgreement(id, ct)))
        {
            Notice = T["The grant agreement is signed."];
            return Redirect($"/ngo/applications/{id}");
        }

        await Load(id, ct);
        return Page();
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        Application = (await applications.Application(id, ct)).Value;
        Status = (await applications.Status(id, ct)).Value;
    }
}
