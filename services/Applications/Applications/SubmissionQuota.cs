namespace Grants.Applications.Applications;

public sealed record SubmissionCounted(Guid ApplicationId);

public sealed record SubmissionReleased(Guid ApplicationId);

/// <summary>
/// The applications an organisation has submitted, and not withdrawn, in one call year. Every
/// submission appends to it with the version it read, so two racing submissions cannot both get
/// past the per-organisation limit: the second gets a conflict and, retried, sees the first.
/// </summary>
public sealed record SubmissionQuota(IReadOnlyList<Guid> Applications) : IEventSourced<SubmissionQuota>
{
    public const string StreamType = "submission-quota";

    public static SubmissionQuota Initial { get; } = new([]);

    public static SubmissionQuota Evolve(SubmissionQuota state, object @event) => @event switch
    {
        SubmissionCounted e => new([.. state.Applications, e.ApplicationId]),
        SubmissionReleased e => new([.. state.Applications.Where(a => a != e.ApplicationId)]),
        _ => state,
    };

    public static Guid For(Guid organisationId, Calls.CallRules rules)
    {
        var year = TimeZoneInfo.ConvertTime(rules.SubmissionDeadline, TimeZoneInfo.FindSystemTimeZoneById(rules.TimeZone)).Year;
        return DeterministicIds.For(StreamType, $"{organisationId}/{year}");
    }
}
