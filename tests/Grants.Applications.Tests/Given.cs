using Grants.Applications.Calls;

namespace Grants.Applications.Tests;

/// <summary>Sample facts for given/when/then tests: an instant, people, the rules of a call.</summary>
public static class Given
{
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Deadline = new(2027, 3, 31, 15, 0, 0, TimeSpan.Zero);

    public static readonly Actor Officer = new("olivia", "officer");

    public static readonly Actor OtherOfficer = new("oscar", "officer");

    public static readonly Actor Applicant = new("ngo-user", "applicant");

    public static CallRules Rules(DateTimeOffset? deadline = null) => new(
        false,
        [],
        CallDefaults.Themes,
        CallDefaults.Countries,
        Money.Eur(2_000_000m),
        Money.Eur(50_000m),
        Money.Eur(300_000m),
        24,
        2,
        true,
        7m,
        CallDefaults.Criteria,
        3m,
        3,
        new Contracts.Calls.PaymentRules(),
        CallDefaults.ReportPlan,
        deadline ?? Deadline,
        "Europe/Brussels",
        10);

    public static object[] DraftedCall(Guid id, CallRules? rules = null) => [new CallDrafted(id, "PB-2027-1", "Peace building 2027", rules ?? Rules(), Officer, Now)];

    public static object[] OpenCall(Guid id, CallRules? rules = null) =>
        [.. DraftedCall(id, rules), new CallOpened(id, "PB-2027-1", "Peace building 2027", rules ?? Rules(), 1, Officer, Now)];
}

/// <summary>Given events, when a command, then events or an error code: the decider alone, no database.</summary>
public static class Spec
{
    public static TState State<TState>(IEnumerable<object> given)
        where TState : global::Grants.EventSourcing.IEventSourced<TState> => given.Aggregate(TState.Initial, TState.Evolve);

    public static string ErrorCode(Action when)
    {
        var error = Assert.ThrowsAny<Exception>(when);
        return error switch
        {
            DomainException domain => domain.Code,
            RulesViolatedException rules => rules.Code,
            _ => throw new Xunit.Sdk.XunitException($"unexpected {error.GetType().Name}: {error.Message}"),
        };
    }
}
