namespace Grants.Demo;

/// <summary>Where one application ended, as the services report it at the end.</summary>
public sealed record ApplicationOutcome(
    int Number, Guid ApplicationId, Guid? GrantId, string Organisation, Twist Twist, string Status, decimal? Score, decimal? Awarded, decimal Paid, decimal Recovered);

public sealed record ServiceVerification(string Service, bool Ok, long Streams, long Events);

public sealed record DemoResult(
    Guid CallId, string Reference, IReadOnlyList<ApplicationOutcome> Applications, IReadOnlyList<ServiceVerification> Verifications, TimeSpan Elapsed)
{
    public bool Verified => Verifications.Count == 3 && Verifications.All(v => v.Ok);
}
