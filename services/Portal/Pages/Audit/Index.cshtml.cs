using Grants.Hosting.Audit;
using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages.Audit;

/// <summary>
/// The auditor's desk over the three services: an application's timeline across them, a stream's
/// state as of a date, every hash chain verified, and the history exported as a file.
/// </summary>
public sealed class IndexModel(ApplicationsApi applications, ReviewApi review, PaymentsApi payments) : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? AsOf { get; set; }

    public IReadOnlyList<AuditEvent> Timeline { get; private set; } = [];

    public IReadOnlyList<AuditState> States { get; private set; } = [];

    public IReadOnlyList<AuditVerification> Verifications { get; private set; } = [];

    private IEnumerable<ApiClient> Services => [applications, review, payments];

    public async Task OnGet(CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return;
        }

        var timeline = new List<AuditEvent>();
        var states = new List<AuditState>();
        foreach (var service in Services)
        {
            timeline.AddRange((await service.Timeline(id, ct)).Events);
            if (await Found(() => service.State(id, string.IsNullOrWhiteSpace(AsOf) ? null : AsOf, ct)) is { } state)
            {
                states.Add(state);
            }
        }

        Timeline = [.. timeline.OrderBy(e => e.Time).ThenBy(e => e.Service, StringComparer.Ordinal).ThenBy(e => e.Sequence)];
        States = states;
    }

    public async Task OnGetVerify(CancellationToken ct)
    {
        var results = new List<AuditVerification>();
        foreach (var service in Services)
        {
            results.Add(await service.Verify(ct));
        }

        Verifications = results;
    }

    public async Task<IActionResult> OnGetExport(Guid id, string service, string format, CancellationToken ct)
    {
        var client = Services.ElementAtOrDefault(service switch { "applications" => 0, "review" => 1, "payments" => 2, _ => -1 });
        if (client is null || format is not ("csv" or "json"))
        {
            return NotFound();
        }

        var (content, contentType, _) = await client.Export(id, format, ct);
        return File(content, contentType, $"audit-{service}-{id}.{format}");
    }

    /// <summary>A stream lives in one service, the others know nothing of it; one whose state is not kept for audit says so.</summary>
    private async Task<T?> Found<T>(Func<Task<T>> read)
        where T : class
    {
        try
        {
            return await read();
        }
        catch (ApiException e) when (e.Problem.Status is 404 or 400 or 422)
        {
            if (e.Problem.Status != 404)
            {
                ModelState.AddModelError(nameof(AsOf), e.Problem.Message);
            }

            return null;
        }
    }
}
