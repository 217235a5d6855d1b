using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grants.Contracts.Applications;
using Grants.Contracts.Calls;
using Grants.Contracts.Funding;
using Grants.Contracts.Organisations;
using Grants.Contracts.Reports;

namespace Grants.Payments.Tests.Api;

/// <summary>What the other services tell Payments, published over RabbitMQ, and the waits for Payments to have acted on it.</summary>
public sealed class Scenario(PaymentsInstance payments)
{
    public static readonly DateTimeOffset CountersignedAt = DateTimeOffset.UtcNow.AddDays(-2);

    public Guid CallId { get; } = Guid.NewGuid();

    public Guid OrganisationId { get; } = Guid.NewGuid();

    public Guid ApplicationId { get; } = Guid.NewGuid();

    public Guid GrantId => GrantIds.For(ApplicationId);

    public static BankAccount Account { get; } = new("NL91ABNA0417164300", "ABNANL2A", "Femmes pour la Paix asbl");

    public HttpClient Officer => payments.As("officer", "olga");

    public Task OpenCall(decimal envelope = 1_000_000m) => payments.Publish(new CallOpened
    {
        MessageId = Guid.NewGuid(),
        CorrelationId = CallId,
        CallId = CallId,
        Reference = "PB-2026-01",
        Title = "Peace building 2026",
        OpenedBy = new Actor("olga", "officer"),
        Rules = new CallRules
        {
            RulesVersion = 1,
            ByInvitationOnly = false,
            Themes = ["conflict prevention and mediation"],
            Countries = ["CF", "ML"],
            Envelope = Money.Eur(envelope),
            MinimumGrant = Money.Eur(20_000m),
            MaximumGrant = Money.Eur(500_000m),
            MaxDurationMonths = 24,
            MaxApplicationsPerOrganisation = 2,
            IndirectCostCapPercent = 7m,
            Criteria = [new ReviewCriterion("relevance", 1m, 3)],
            OverallThreshold = 3m,
            ReviewersPerApplication = 3,
            SubmissionDeadline = DateTimeOffset.UtcNow.AddDays(30),
            TimeZone = "Europe/Brussels",
        },
    });

    public Task Register() => payments.Publish(new OrganisationRegistered
    {
        MessageId = Guid.NewGuid(),
        CorrelationId = OrganisationId,
        OrganisationId = OrganisationId,
        LegalName = "Femmes pour la Paix",
        RegistrationNumber = "0456.789.123",
        Country = "BE",
        BankAccount = Account,
    });

    public Task ChangeAccount(BankAccount account, bool verified) => payments.Publish(new OrganisationUpdated
    {
        MessageId = Guid.NewGuid(),
        CorrelationId = OrganisationId,
        OrganisationId = OrganisationId,
        LegalName = "Femmes pour la Paix",
        Country = "BE",
        BankAccount = account,
        BankAccountVerified = verified,
        UpdatedBy = new Actor("ngo-1", "applicant"),
    });

    public ApplicationSubmitted Submitted(int months) => new()
    {
        MessageId = Guid.NewGuid(),
        CorrelationId = ApplicationId,
        ApplicationId = ApplicationId,
        CallId = CallId,
        OrganisationId = OrganisationId,
        Title = "Mediation in Bangui",
        Theme = "conflict prevention and mediation",
        Countries = ["CF"],
        RequestedAmount = Money.Eur(60_000m),
        StartDate = new DateOnly(2026, 4, 1),
        EndDate = new DateOnly(2026, 4, 1).AddMonths(months).AddDays(-1),
        Partners = [],
        ContentHash = "sha256:0",
        SubmittedAt = DateTimeOffset.UtcNow.AddDays(-60),
    };

    public FundingDecided Awarded(decimal amount) => new()
    {
        MessageId = Guid.NewGuid(),
        CorrelationId = ApplicationId,
        ApplicationId = ApplicationId,
        CallId = CallId,
        OrganisationId = OrganisationId,
        Outcome = FundingOutcome.Award,
        Amount = Money.Eur(amount),
        ProposedBy = new Actor("olga", "officer"),
        ApprovedBy = new Actor("hugo", "approver"),
        RulesVersion = 1,
    };

    public GrantAgreementSigned AgreementSigned() => new()
    {
        MessageId = Guid.NewGuid(),
        CorrelationId = ApplicationId,
        ApplicationId = ApplicationId,
        OrganisationId = OrganisationId,
        CountersignedAt = CountersignedAt,
        SignedBy = new Actor("hugo", "approver"),
    };

    public ReportAssessed Approved(ReportKind kind, decimal eligible, Guid? report = null) => new()
    {
        MessageId = Guid.NewGuid(),
        CorrelationId = ApplicationId,
        ReportId = report ?? Guid.NewGuid(),
        ApplicationId = ApplicationId,
        Kind = kind,
        Outcome = ReportOutcome.Approved,
        EligibleSpending = Money.Eur(eligible),
        AssessedBy = new Actor("olga", "officer"),
    };

    public ReportOverdue Overdue(Guid report) => new()
    {
        MessageId = Guid.NewGuid(),
        CorrelationId = ApplicationId,
        ReportId = report,
        ApplicationId = ApplicationId,
        Kind = ReportKind.Interim,
        DueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)),
    };

    /// <summary>A call, an organisation, a submitted and awarded application, a signed agreement: the first tranche is due.</summary>
    public async Task<JsonElement> ActiveGrant(decimal amount = 60_000m, int months = 12)
    {
        await OpenCall();
        await Register();
        await Until(async () => (await Officer.GetAsync(new Uri($"/calls/{CallId}/ledger", UriKind.Relative))).StatusCode == HttpStatusCode.OK, "the call is known");
        await payments.Publish(Submitted(months));
        await payments.Publish(Awarded(amount));
        await payments.Publish(AgreementSigned());
        return await GrantWhen(g => Tranche(g, 1).GetProperty("status").GetString() == "due", "the first tranche is due");
    }

    public async Task<JsonElement> Grant(HttpClient? client = null)
    {
        var response = await (client ?? Officer).GetAsync(new Uri($"/grants/{GrantId}", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
    }

    public async Task<JsonElement> GrantWhen(Func<JsonElement, bool> condition, string what)
    {
        JsonElement grant = default;
        await Until(async () => (grant = await Grant()).ValueKind == JsonValueKind.Object && condition(grant), what);
        return grant;
    }

    public static JsonElement Tranche(JsonElement grant, int number) =>
        grant.GetProperty("tranches").EnumerateArray().Single(t => t.GetProperty("number").GetInt32() == number);

    public static async Task Until(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(100);
        }
    }
}
