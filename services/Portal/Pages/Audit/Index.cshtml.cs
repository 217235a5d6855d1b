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

        // The timelines at once; then the state only from the services that hold a stream of that id
        // (an application and its review case share it), instead of asking each and taking a 404 from the others.
        var histories = await Task.WhenAll(Services.Select(service => service.Timeline(id, ct)));
        var holders = Services.Zip(histories).Where(h => h.Second.Events.Any(e => e.StreamId == id)).Select(h => h.First);
        var asOf = string.IsNullOrWhiteSpace(AsOf) ? null : AsOf;
        var states = new List<AuditState>();
        foreach (var service in holders)
        {
            if (await Found(() => service.State(id, asOf, ct)) is { } state)
            {
                states.Add(state);
            }
        }

        Timeline = [.. histories.SelectMany(h => h.Events).OrderBy(e => e.Time).ThenBy(e => e.Service, StringComparer.Ordinal).ThenBy(e => e.Sequence)];
        States = states;
    }

    public async Task OnGetVerify(CancellationToken ct) => Verifications = await Task.WhenAll(Services.Select(service => service.Verify(ct)));

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
