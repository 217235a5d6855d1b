using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages.Staff;

/// <summary>A call as the officer drafts it; what is left empty takes the programme's defaults.</summary>
public sealed class CallForm
{
    public string? Reference { get; set; }

    public string? Title { get; set; }

    public DateTime? SubmissionDeadline { get; set; }

    public decimal? Envelope { get; set; }

    public decimal? MinimumGrant { get; set; }

    public decimal? MaximumGrant { get; set; }

    public string? Themes { get; set; }

    public string? Countries { get; set; }

    public int? ReviewersPerApplication { get; set; }

    public object ToRequest() => new
    {
        Reference, Title, SubmissionDeadline, Envelope, MinimumGrant, MaximumGrant, ReviewersPerApplication,
        Themes = List(Themes), Countries = List(Countries)?.Select(c => c.ToUpperInvariant()).ToList(),
    };

    private static List<string>? List(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : [.. text.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

public sealed class CallsModel(ApplicationsApi applications) : PortalPage
{
    [BindProperty]
    public CallForm Form { get; set; } = new() { SubmissionDeadline = DateTime.Today.AddMonths(2).AddHours(12), ReviewersPerApplication = 3 };

    public IReadOnlyList<CallSummary> Calls { get; private set; } = [];

    public async Task OnGet(CancellationToken ct) => Calls = (await applications.Calls(null, 1, ct)).Items;

    public async Task<IActionResult> OnPost(CancellationToken ct)
    {
        Versioned<CallView>? call = null;
        if (await Try(async () => call = await applications.DraftCall(Form.ToRequest(), Guid.NewGuid().ToString(), ct), nameof(Form)))
        {
            Notice = T["Call {0} is drafted; open it when it is ready.", call!.Value.Reference];
            return Redirect($"/staff/calls/{call.Value.Id}");
        }

        Calls = (await applications.Calls(null, 1, ct)).Items;
        return Page();
    }
}
