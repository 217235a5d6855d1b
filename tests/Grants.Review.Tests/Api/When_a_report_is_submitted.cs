using System.Net;
using Grants.Contracts.Reports;
using Grants.Hosting.Messaging;
using Grants.Review.Reports;
using Microsoft.Extensions.DependencyInjection;
using static Grants.Review.Tests.Api.Responses;

namespace Grants.Review.Tests.Api;

[Collection(ReviewApi.Name)]
public sealed class When_a_report_is_submitted(ReviewHost host)
{
    [Fact]
    public async Task Should_flag_overspent_lines_and_approve_only_with_their_justification()
    {
        var (report, application) = (Guid.NewGuid(), Guid.NewGuid());
        var officer = host.As("officer", "olivia");
        await host.Publish(new ReportSubmitted
        {
            MessageId = Guid.NewGuid(),
            CorrelationId = application,
            ReportId = report,
            ApplicationId = application,
            Kind = ReportKind.Interim,
            PeriodEnd = new DateOnly(2026, 12, 31),
            DeclaredSpending = Money.Eur(32_000),
            SubmittedAt = Sample.Now,
            Lines = [new("staff", Money.Eur(20_000), Money.Eur(19_000)), new("travel", Money.Eur(10_000), Money.Eur(13_000))],
        });
        await host.Eventually<ReportAssessment>(report, r => r.Status == ReportStatus.Submitted);

        var view = await officer.Get($"/reports/{report}").Json();
        Assert.Equal([false, true], view.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("overspent").GetBoolean()));
        await officer.Post($"/reports/{report}/approval", new { }).Problem(HttpStatusCode.UnprocessableEntity, "report.justification_required");
        await host.As("reviewer", "rita").Get($"/reports/{report}").Problem(HttpStatusCode.NotFound, "stream.not_found");

        var approved = await officer.Post($"/reports/{report}/approval", new { justifications = new[] { new { line = "travel", justification = "Fuel prices" } } }).Json();

        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        var map = host.Services.GetRequiredService<IntegrationMap>();
        var assessed = Assert.Single(await host.Store.ReadStream(report).Select(map.Map).OfType<ReportAssessed>().ToListAsync());
        Assert.Equal((ReportOutcome.Approved, Money.Eur(32_000), application), (assessed.Outcome, assessed.EligibleSpending, assessed.CorrelationId));
    }

    [Fact]
    public async Task Should_request_changes_with_comments()
    {
        var (report, application) = (Guid.NewGuid(), Guid.NewGuid());
        await host.Publish(new ReportSubmitted
        {
            MessageId = Guid.NewGuid(),
            CorrelationId = application,
            ReportId = report,
            ApplicationId = application,
            Kind = ReportKind.Final,
            PeriodEnd = new DateOnly(2027, 6, 30),
            DeclaredSpending = Money.Eur(90_000),
            SubmittedAt = Sample.Now,
        });
        await host.Eventually<ReportAssessment>(report, r => r.Status == ReportStatus.Submitted);
        var officer = host.As("officer", "olivia");

        await officer.Post($"/reports/{report}/change-requests", new { comments = Array.Empty<string>() }).Problem(HttpStatusCode.BadRequest, "request.invalid");
        var view = await officer.Post($"/reports/{report}/change-requests", new { comments = Texts("Add the audit report") }).Json();

        Assert.Equal("ChangesRequested", view.GetProperty("status").GetString());
    }
}
