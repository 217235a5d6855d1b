namespace Grants.Demo;

/// <summary>
/// One Peace Building call from opening to close-out, driven only through the services' public HTTP
/// APIs, each step as the person whose role it is. Every step checks its answer and waits for its
/// effect to reach the next service; anything else stops the scenario with a <see cref="ScenarioException"/>.
/// </summary>
public sealed partial class LifecycleScenario(SystemApi api, Action<string> progress, DemoOptions options)
{
    private readonly List<DemoNgo> _ngos = [];
    private readonly List<DemoApplication> _applications = [];
    private readonly List<Caller> _reviewers = [];
    private DemoCall? _call;

    public IReadOnlyList<DemoApplication> Applications => _applications;

    private DemoCall Call => _call ?? throw new InvalidOperationException("The call is not open yet.");

    private IEnumerable<DemoApplication> Funded => _applications.Where(a => a.Funded);

    private IEnumerable<DemoApplication> Payable => Funded.Where(a => !a.Frozen);

    public async Task<DemoResult> Run(CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        await OpenCall(ct);
        await EnlistReviewers(ct);
        await RegisterNgos(ct);
        await SubmitApplications(ct);
        await DecideEligibility(ct);
        await ReviewCases(ct);
        await AwaitClosing(ct);
        await DecideFunding(ct);
        await SignAgreements(ct);
        await PayPreFinancing(ct);
        await SubmitReports(ct);
        await PayBalances(ct);
        await AwaitClosures(ct);
        return await Summarise(started, ct);
    }

    private void Say(string line) => progress(line);

    /// <summary>Each person acts on their own; a few at a time.</summary>
    private Task Each<T>(IEnumerable<T> items, Func<T, Task> act, CancellationToken ct) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = ct }, async (item, _) => await act(item));

    private static string Eur(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
