using Grants.Contracts.Applications;
using Grants.Contracts.Calls;

namespace Grants.Review.Tests.Api;

/// <summary>What the Applications service publishes, as the Review service receives it.</summary>
internal static class Messages
{
    public static CallOpened CallOpened(Guid callId, decimal envelope = 250_000, int reviewers = 3) => new()
    {
        MessageId = Guid.NewGuid(),
        CorrelationId = callId,
        CallId = callId,
        Reference = "PB-2026-01",
        Title = "Peace building 2026",
        OpenedBy = new Actor("olivia", "officer"),
        Rules = new CallRules
        {
            RulesVersion = 1,
            ByInvitationOnly = false,
            Themes = [Sample.Theme, Sample.OtherTheme],
            Countries = ["BI", "CD"],
            Envelope = Money.Eur(envelope),
            MinimumGrant = Money.Eur(10_000),
            MaximumGrant = Money.Eur(200_000),
            MaxDurationMonths = 24,
            MaxApplicationsPerOrganisation = 2,
            IndirectCostCapPercent = 7,
            Criteria = [new ReviewCriterion("relevance", 3, 3), new ReviewCriterion("effectiveness", 2, 3), new ReviewCriterion("budget", 1, 2)],
            OverallThreshold = 3,
            ReviewersPerApplication = reviewers,
            SubmissionDeadline = Sample.Now.AddDays(30),
            TimeZone = "Europe/Brussels",
        },
    };

    public static ApplicationEligibilityDecided Eligible(Guid applicationId, Guid callId, Guid organisationId, bool eligible = true) => new()
    {
        MessageId = Guid.NewGuid(),
        CorrelationId = applicationId,
        ApplicationId = applicationId,
        CallId = callId,
        OrganisationId = organisationId,
        Eligible = eligible,
        Theme = Sample.Theme,
        RequestedAmount = Money.Eur(100_000),
        ContentHash = Sample.Hash,
        SubmittedAt = Sample.Now,
    };

    public static ApplicationWithdrawn Withdrawn(Guid applicationId, Guid callId, Guid organisationId) => new()
    {
        MessageId = Guid.NewGuid(),
        CorrelationId = applicationId,
        ApplicationId = applicationId,
        CallId = callId,
        OrganisationId = organisationId,
        Reason = "Project funded elsewhere",
        WithdrawnBy = new Actor("ngo-user", "applicant"),
    };
}
