using static Grants.Review.Tests.Sample;

namespace Grants.Review.Tests.Decisions;

/// <summary>A call in the Review service built from its events.</summary>
internal static class CallSample
{
    public static CallRulesRecorded CallOpened(decimal envelope = 250_000) =>
        new(Sample.Call, "PB-2026-01", "Peace building 2026", 3, [Theme, OtherTheme], Rules(), Money.Eur(envelope), Now.AddDays(-60));

    public static Guid App(int n) => Guid.Parse($"5b0c6a2e-0000-4000-8000-{n:D12}");

    /// <summary>An application that entered the call and whose review completed with this score.</summary>
    public static object[] Reviewed(int n, decimal score, bool passed = true, decimal requested = 100_000, int submittedDay = 1) =>
    [
        new ApplicationEnteredReview(App(n), Organisation, Money.Eur(requested), Now.AddDays(-40 + submittedDay)),
        new ApplicationReviewed(App(n), score, passed),
    ];

    public static CallReview Call(params object[] events) => events.Aggregate(CallReview.Initial, CallReview.Evolve);

    /// <summary>Closed, with three passing applications of 100,000 each (scores 4.5, 4.0, 3.5) and one that failed (3.0).</summary>
    public static object[] ClosedAndReviewed(decimal envelope = 250_000) =>
    [
        CallOpened(envelope),
        .. Reviewed(1, 4.5m),
        .. Reviewed(2, 4.0m),
        .. Reviewed(3, 3.5m),
        .. Reviewed(4, 3.0m, passed: false),
        new CallClosedForSubmissions(Now.AddDays(-30)),
    ];

    public static ProposedDecision Award(int n, decimal amount = 100_000, params string[] reasons) =>
        new(App(n), FundingOutcome.Award, Money.Eur(amount), reasons);

    public static ProposedDecision Reserve(int n) => new(App(n), FundingOutcome.ReserveList, null, []);

    public static ProposedDecision Reject(int n, params string[] reasons) => new(App(n), FundingOutcome.Reject, null, reasons);

    public static IReadOnlyList<object> Propose(CallReview state, params ProposedDecision[] decisions) =>
        FundingDecider.Decide(new ProposeDecisions(decisions, Officer, Now), state);

    public static IReadOnlyList<object> Confirm(CallReview state, params int[] applications) =>
        FundingDecider.Decide(new ConfirmDecisions([.. applications.Select(App)], Approver, Now), state);
}
