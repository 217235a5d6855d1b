namespace Grants.Demo;

public sealed record DemoOptions
{
    /// <summary>From opening the call to its deadline: the thirty submissions must fit in it; the call then closes by its Quartz job.</summary>
    public TimeSpan SubmissionWindow { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>How long to wait for one step's messages to reach the next service.</summary>
    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Makes the call reference, registration numbers and user names of this run unique, so the demo can run again.</summary>
    public string Run { get; init; } = DateTimeOffset.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);

    /// <summary>Requests in flight at once where the people act independently (NGOs, reviewers).</summary>
    public int Parallelism { get; init; } = 4;
}
