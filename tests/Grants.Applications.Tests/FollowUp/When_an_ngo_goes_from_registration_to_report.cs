using System.Net;
using System.Text.Json;
using Grants.Applications.Tests.Applications;
using Grants.Applications.Tests.Calls;
using Grants.Applications.Tests.Organisations;
using Grants.Contracts.Applications;
using Grants.Contracts.Funding;
using Grants.Contracts.Ledger;
using Grants.Contracts.Payments;
using Grants.Contracts.Reports;
using Grants.Contracts.Reviews;

namespace Grants.Applications.Tests.FollowUp;

public sealed class When_an_ngo_goes_from_registration_to_report(AppHost host) : IClassFixture<AppHost>
{
    private static readonly Actor Approver = new("hugo", "approver");

    [Fact]
    public async Task Should_see_its_award_sign_be_reminded_report_and_follow_payments_to_close_out()
    {
        await using var signedProbe = await BusProbe.Listen<GrantAgreementSigned>(host.RabbitMq);
        await using var overdueProbe = await BusProbe.Listen<ReportOverdue>(host.RabbitMq);
        await using var reportProbe = await BusProbe.Listen<ReportSubmitted>(host.RabbitMq);
        var callId = await host.OpenCall(host.Clock.GetUtcNow().AddDays(30));
        var organisation = await host.RegisterOrganisation();
        using var applicant = host.Applicant(organisation);
        using var officer = host.Officer();
        var (id, _) = await applicant.DraftApplication(callId);
        var hash = (await applicant.Submit(id)).GetProperty("contentHash").GetString()!;
        await (await officer.Post($"/applications/{id}/eligibility", new { eligible = true, justification = "Within the rules." })).Json200();

        await host.Bus.Publish(new ReviewCompleted
        {
            MessageId = Guid.NewGuid(), CorrelationId = id, ApplicationId = id, CallId = callId, WeightedScore = 3.9m, AllThresholdsPassed = true,
            ConsensusScores = [new CriterionScore("relevance", 4m, true)], CommentsForApplicant = ["A clear logframe."], ContentHash = hash,
        });
        var funding = new FundingDecided
        {
            MessageId = Guid.NewGuid(), CorrelationId = id, ApplicationId = id, CallId = callId, OrganisationId = organisation, Outcome = FundingOutcome.Award,
            Amount = Money.Eur(180_000m), ProposedBy = new Actor("olivia", "officer"), ApprovedBy = Approver, RulesVersion = 1,
        };
        // Payments may open the grant before the award reaches this service: the agreement shows the ledger's tranches either way.
        await host.Bus.Publish(new GrantOpened
        {
            MessageId = Guid.NewGuid(), CorrelationId = id, GrantId = Guid.NewGuid(), ApplicationId = id, CallId = callId, OrganisationId = organisation,
            Amount = Money.Eur(180_000m),
            Tranches =
            [
                new PlannedTranche(1, Money.Eur(90_000m), "agreement_signed"), new PlannedTranche(2, Money.Eur(72_000m), "interim_report_approved"),
                new PlannedTranche(3, Money.Eur(18_000m), "final_report_approved"),
            ],
        });
        await host.Bus.Publish(funding);
        await host.Bus.Publish(funding);

        var awarded = await StatusWhen(applicant, id, s => s.GetProperty("status").GetString() == "Awarded" && s.GetProperty("review").ValueKind != JsonValueKind.Null
            && s.GetProperty("agreement").GetProperty("tranches").GetArrayLength() > 0);
        Assert.Equal(3.9m, awarded.GetProperty("review").GetProperty("weightedScore").GetDecimal());
        Assert.Equal("A clear logframe.", awarded.GetProperty("review").GetProperty("comments")[0].GetString());
        Assert.Equal(
            [(90_000m, "agreement_signed"), (72_000m, "interim_report_approved"), (18_000m, "final_report_approved")],
            awarded.GetProperty("agreement").GetProperty("tranches").EnumerateArray()
                .Select(t => (t.GetProperty("amount").GetProperty("amount").GetDecimal(), t.GetProperty("condition").GetString())));
        Assert.Equal(1L, await host.Scalar<long>("select count(*) from {s}.events where stream_id = $1 and type = 'application.funding_decision_received'", id));

        var signed = await (await applicant.Post($"/applications/{id}/agreement/sign")).Json200();
        Assert.Equal("AgreementSigned", signed.GetProperty("status").GetString());
        Assert.Equal(id, (await signedProbe.Next()).GetProperty("applicationId").GetGuid());
        var reports = signed.GetProperty("reports");
        var interim = reports[0].GetProperty("id").GetGuid();
        var final = reports[1].GetProperty("id").GetGuid();

        // Reminders and the overdue mark come from Quartz when the clock reaches them.
        await When_a_call_reaches_its_deadline.Eventually(async () =>
            await host.Scalar<long>("select count(*) from {s}.qrtz_triggers where trigger_name like $1", $"report-{interim}%") == 3);
        var interimDue = (await (await applicant.Get($"/reports/{interim}")).Json200()).GetProperty("dueAt").GetDateTimeOffset();
        // Step to each instant rather than leap past them all: Quartz leaves a trigger more than a minute late to its misfire sweep.
        host.Clock.Set(interimDue.AddDays(-30).AddSeconds(1));
        await ReportWhen(applicant, interim, r => r.GetProperty("remindersSent").GetArrayLength() == 1);
        host.Clock.Set(interimDue.AddDays(-7).AddSeconds(1));
        await ReportWhen(applicant, interim, r => r.GetProperty("remindersSent").GetArrayLength() == 2);
        host.Clock.Set(interimDue.AddSeconds(1));
        var overdue = await overdueProbe.Next();
        Assert.Equal((interim, id), (overdue.GetProperty("reportId").GetGuid(), overdue.GetProperty("applicationId").GetGuid()));

        var overdueList = await (await officer.Get($"/reports?callId={callId}&status=Overdue")).Json200();
        Assert.Equal([interim], overdueList.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        Assert.Equal(1, overdueList.GetProperty("items")[0].GetProperty("number").GetInt32());

        var late = await (await applicant.Post($"/reports/{interim}/submit", new { narrative = "Year one.", spending = new[] { new { budgetLine = 0, amount = 70_000m } } })).Json200();
        Assert.Equal("Submitted", late.GetProperty("status").GetString());
        var interimReport = await reportProbe.Next();
        Assert.Equal(70_000m, interimReport.GetProperty("declaredSpending").GetProperty("amount").Decimal());
        // Review checks each line against the approved budget, so every budget line travels with its spending.
        var firstLine = interimReport.GetProperty("lines")[0];
        Assert.Equal(70_000m, firstLine.GetProperty("spent").GetProperty("amount").Decimal());
        Assert.True(firstLine.GetProperty("budgeted").GetProperty("amount").Decimal() > 0);

        var withoutAudit = await applicant.Post($"/reports/{final}/submit", new { narrative = "Done.", spending = new[] { new { budgetLine = 0, amount = 140_000m } } });
        Assert.Contains("report.audit_required", (await withoutAudit.Problem(HttpStatusCode.UnprocessableEntity, "report.not_acceptable")).ViolationCodes());
        var audit = await (await applicant.Attach(final, When_a_file_is_attached.Pdf, "audit.pdf", "reports")).Json200(HttpStatusCode.Created);
        var auditId = audit.GetProperty("attachments")[0].GetProperty("id").GetGuid();
        await (await applicant.Post($"/reports/{final}/submit", new { narrative = "Done.", spending = new[] { new { budgetLine = 0, amount = 140_000m } }, auditAttachmentId = auditId })).Json200();

        var queue = await (await officer.Get($"/reports?callId={callId}&status=Submitted")).Json200();
        Assert.Equal([interim, final], queue.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        Assert.True(queue.GetProperty("items")[1].GetProperty("auditRequired").GetBoolean());
        Assert.False(string.IsNullOrEmpty(queue.GetProperty("items")[1].GetProperty("organisation").GetString()));
        var auditFile = await officer.Get($"/reports/{final}/attachments/{auditId}");
        Assert.Equal(When_a_file_is_attached.Pdf, await auditFile.Content.ReadAsByteArrayAsync());

        await host.Bus.Publish(new ReportAssessed
        {
            MessageId = Guid.NewGuid(), CorrelationId = id, ReportId = final, ApplicationId = id, Kind = ReportKind.Final, Outcome = ReportOutcome.Approved,
            EligibleSpending = Money.Eur(140_000m), AssessedBy = new Actor("olivia", "officer"),
        });
        await host.Bus.Publish(new PaymentExecuted
        {
            MessageId = Guid.NewGuid(), CorrelationId = id, GrantId = Guid.NewGuid(), ApplicationId = id, TrancheNumber = 1, Amount = Money.Eur(144_000m),
            ExecutedOn = new DateOnly(2027, 10, 1), EndToEndId = "E2E-1",
        });
        await host.Bus.Publish(new GrantClosed
        {
            MessageId = Guid.NewGuid(), CorrelationId = id, GrantId = Guid.NewGuid(), ApplicationId = id, TotalPaid = Money.Eur(144_000m),
            Recovered = Money.Eur(0m), ClosedAt = host.Clock.GetUtcNow(),
        });

        // The three messages travel on separate queues, in any order: wait until all three took effect.
        var closed = await StatusWhen(applicant, id, s => s.GetProperty("status").GetString() == "Closed"
            && s.GetProperty("payments").GetArrayLength() == 1
            && s.GetProperty("reports").EnumerateArray().Last().GetProperty("status").GetString() == "Approved");
        Assert.Equal(144_000m, closed.GetProperty("totalPaid").GetProperty("amount").GetDecimal());
        Assert.Equal(["Submitted", "Approved"], closed.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        using var stranger = host.Applicant(await host.RegisterOrganisation());
        await (await stranger.Get($"/applications/{id}/status")).Problem(HttpStatusCode.NotFound, "stream.not_found");
        await (await stranger.Get($"/reports/{final}")).Problem(HttpStatusCode.NotFound, "stream.not_found");
        await (await stranger.Get($"/reports/{final}/attachments/{auditId}")).Problem(HttpStatusCode.NotFound, "stream.not_found");
        Assert.Equal(0, (await (await stranger.Get("/reports")).Json200()).GetProperty("total").GetInt32());
    }

    private static Task<JsonElement> StatusWhen(HttpClient client, Guid id, Func<JsonElement, bool> condition) => When(client, $"/applications/{id}/status", condition);

    private static Task<JsonElement> ReportWhen(HttpClient client, Guid id, Func<JsonElement, bool> condition) => When(client, $"/reports/{id}", condition);

    private static async Task<JsonElement> When(HttpClient client, string path, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var current = await (await client.Get(path)).Json200();
            if (condition(current))
            {
                return current;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} did not reach the expected state within 30 s: {current}");
            await Task.Delay(100);
        }
    }
}
