namespace Grants.Review.Tests;

/// <summary>A call, an organisation and an application to review, with the rules of the call.</summary>
internal static class Sample
{
    public const string Theme = "women-peace-security";
    public const string OtherTheme = "mines";

    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid Call = Guid.Parse("5b0c6a2e-0000-4000-8000-000000000001");
    public static readonly Guid Organisation = Guid.Parse("5b0c6a2e-0000-4000-8000-0000000000aa");
    public static readonly Guid Application = Guid.Parse("5b0c6a2e-0000-4000-8000-000000000100");
    public const string Hash = "sha256:1111";

    public static Actor Officer { get; } = new("olivia", "officer");

    public static Actor Approver { get; } = new("adam", "approver");

    public static CaseRules Rules(int reviewers = 3) => new(
        [new Criterion("relevance", 3m, 3), new Criterion("effectiveness", 2m, 3), new Criterion("budget", 1m, 2)], 3.0m, reviewers, 21);

    public static ReviewCaseOpened Opened(int reviewers = 3, Guid? application = null) =>
        new(application ?? Application, Call, Organisation, Theme, Money.Eur(100_000), Hash, Now.AddDays(-20), Rules(reviewers), Now.AddDays(-10));

    public static PoolReviewer Reviewer(string id, string theme = Theme) => new(id, id.ToUpperInvariant(), [theme], ["en"]);

    public static Candidates Pool(params PoolReviewer[] reviewers) => Pool(reviewers, new Dictionary<string, int>(), []);

    public static Candidates Pool(IReadOnlyList<PoolReviewer> reviewers, IReadOnlyDictionary<string, int> load, IReadOnlyList<string> conflicted) =>
        new(reviewers, load, conflicted.ToHashSet());

    public static ReviewCase Case(params object[] events) => events.Aggregate(ReviewCase.Initial, ReviewCase.Evolve);

    public static ReviewerAssigned Assigned(string reviewer) => new(reviewer, Now.AddDays(21), "olivia", Now);

    public static NoConflictDeclared Declared(string reviewer) => new(reviewer, Organisation, Now);

    /// <summary>A sheet giving each criterion (relevance, effectiveness, budget) its score.</summary>
    public static IReadOnlyList<CriterionMark> Marks(int relevance, int effectiveness, int budget) =>
    [
        new("relevance", relevance, "Relevant to the call."),
        new("effectiveness", effectiveness, "Sound logic of intervention."),
        new("budget", budget, "Costs are reasonable."),
    ];

    public static ScoreSheetSubmitted Sheet(string reviewer, int relevance, int effectiveness, int budget) =>
        new(reviewer, Hash, Marks(relevance, effectiveness, budget), false, Now);

    /// <summary>A case with three reviewers, all declared free of conflicts.</summary>
    public static object[] ReadyEvents => [Opened(), Assigned("r1"), Assigned("r2"), Assigned("r3"), Declared("r1"), Declared("r2"), Declared("r3")];

    public static ReviewCase ReadyToScore() => Case(ReadyEvents);

    public static DomainException Rejected(Action decide, string code)
    {
        var error = Assert.Throws<DomainException>(decide);
        Assert.Equal(code, error.Code);
        return error;
    }
}
