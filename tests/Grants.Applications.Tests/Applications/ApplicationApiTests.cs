using System.Net;
using System.Security.Cryptography;
using Grants.Applications.Tests.Calls;
using Grants.Applications.Tests.Organisations;
using Grants.Contracts.Applications;

namespace Grants.Applications.Tests.Applications;

public sealed class ApplicationApiTests(AppHost host) : IClassFixture<AppHost>
{
    private static readonly string[] France = ["FR"];

    [Fact]
    public async Task Should_take_an_application_from_draft_through_clarification_to_eligibility()
    {
        await using var submittedProbe = await BusProbe.Listen<ApplicationSubmitted>(host.RabbitMq);
        await using var decidedProbe = await BusProbe.Listen<ApplicationEligibilityDecided>(host.RabbitMq);
        var callId = await host.OpenCall(host.Clock.GetUtcNow().AddDays(30));
        var organisation = await host.RegisterOrganisation();
        using var applicant = host.Applicant(organisation);
        using var officer = host.Officer();

        var (id, etag) = await applicant.DraftApplication(callId, ApplicationSteps.Draft(callId, "First title"));
        var updated = await applicant.Put($"/applications/{id}", ApplicationSteps.Draft(callId), etag);
        Assert.Equal("Mediation in the Great Lakes", (await updated.Json200()).GetProperty("content").GetProperty("title").GetString());
        var attached = await (await applicant.Attach(id, When_a_file_is_attached.Pdf, "statutes.pdf")).Json200(HttpStatusCode.Created);
        var attachment = attached.GetProperty("attachments")[0];
        Assert.Equal(("application/pdf", Convert.ToHexStringLower(SHA256.HashData(When_a_file_is_attached.Pdf))),
            (attachment.GetProperty("contentType").GetString(), attachment.GetProperty("sha256").GetString()));

        var submitted = await applicant.Submit(id);
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(194_000m, submitted.GetProperty("requestedAmount").GetProperty("amount").GetDecimal());
        var hash = submitted.GetProperty("contentHash").GetString();
        var message = await submittedProbe.Next();
        Assert.Equal((id, hash, 194_000m), (message.GetProperty("applicationId").GetGuid(), message.GetProperty("contentHash").GetString(),
            message.GetProperty("requestedAmount").GetProperty("amount").Decimal()));
        Assert.Equal("Local NGO", message.GetProperty("partners")[0].GetProperty("name").GetString());

        await (await applicant.Put($"/applications/{id}", ApplicationSteps.Draft(callId, "Too late"), $"\"{submitted.GetProperty("attachments").GetArrayLength() + 3}\""))
            .Problem(HttpStatusCode.UnprocessableEntity, "application.not_draft");
        await (await officer.Post($"/applications/{id}/clarification", new { question = "Is line 3 correct?" })).Json200();
        await (await officer.Post($"/applications/{id}/eligibility", new { eligible = true, justification = "ok" }))
            .Problem(HttpStatusCode.UnprocessableEntity, "application.clarification_pending");
        await (await applicant.Post($"/applications/{id}/clarification/answer", new { answer = "Yes." })).Json200();
        var decided = await (await officer.Post($"/applications/{id}/eligibility", new { eligible = true, justification = "Complete and within the rules." })).Json200();

        Assert.Equal("Eligible", decided.GetProperty("status").GetString());
        var eligibility = await decidedProbe.Next();
        Assert.Equal((id, true, false, hash), (eligibility.GetProperty("applicationId").GetGuid(), eligibility.GetProperty("eligible").GetBoolean(),
            eligibility.GetProperty("overridden").GetBoolean(), eligibility.GetProperty("contentHash").GetString()));
        var download = await applicant.GetAsync(new Uri($"/applications/{id}/attachments/{attachment.GetProperty("id").GetGuid()}", UriKind.Relative));
        Assert.Equal(When_a_file_is_attached.Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Should_let_one_of_two_concurrent_edits_win_and_the_other_get_412()
    {
        var callId = await host.OpenCall(host.Clock.GetUtcNow().AddDays(30));
        using var applicant = host.Applicant(await host.RegisterOrganisation());
        var (id, etag) = await applicant.DraftApplication(callId);

        var answers = await Task.WhenAll(
            applicant.Put($"/applications/{id}", ApplicationSteps.Draft(callId, "Edit A"), etag),
            applicant.Put($"/applications/{id}", ApplicationSteps.Draft(callId, "Edit B"), etag));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], answers.Select(a => a.StatusCode).Order());
        var winner = (await answers.Single(a => a.IsSuccessStatusCode).Json200()).GetProperty("content").GetProperty("title").GetString();
        var stored = await (await applicant.Get($"/applications/{id}")).Json200();
        Assert.Equal(winner, stored.GetProperty("content").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Should_show_an_auditor_every_event_and_the_application_as_it_was()
    {
        var callId = await host.OpenCall(host.Clock.GetUtcNow().AddDays(30));
        using var applicant = host.Applicant(await host.RegisterOrganisation());
        var (id, etag) = await applicant.DraftApplication(callId, ApplicationSteps.Draft(callId, "Original title"));
        var draftedAt = host.Clock.GetUtcNow();
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await (await applicant.Put($"/applications/{id}", ApplicationSteps.Draft(callId, "Second title"), etag)).Json200();
        await applicant.Submit(id);
        using var auditor = host.As("auditor");

        var history = await (await auditor.Get($"/applications/{id}/history")).Json200();
        var asDrafted = await (await auditor.Get($"/applications/{id}?asOf={Uri.EscapeDataString(draftedAt.ToString("O"))}")).Json200();
        var atVersion2 = await (await auditor.Get($"/applications/{id}?version=2")).Json200();

        Assert.Equal(["application.drafted", "application.draft_updated", "application.submitted"],
            history.EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("applicant", history[2].GetProperty("role").GetString());
        Assert.Equal(("Original title", "Draft"), (asDrafted.GetProperty("content").GetProperty("title").GetString(), asDrafted.GetProperty("status").GetString()));
        Assert.Equal(("Second title", "Draft"), (atVersion2.GetProperty("content").GetProperty("title").GetString(), atVersion2.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.Post($"/applications/{id}/withdraw", new { reason = "x" })).StatusCode);
    }

    [Fact]
    public async Task Should_refuse_files_by_their_bytes_and_by_their_size()
    {
        var callId = await host.OpenCall(host.Clock.GetUtcNow().AddDays(30));
        using var applicant = host.Applicant(await host.RegisterOrganisation());
        var (id, _) = await applicant.DraftApplication(callId);

        await (await applicant.Attach(id, "MZ\x90\0 not a pdf"u8.ToArray(), "budget.pdf")).Problem(HttpStatusCode.UnsupportedMediaType, "attachment.unsupported_type");
        var oversize = new byte[(10 * 1024 * 1024) + 1];
        When_a_file_is_attached.Pdf.CopyTo(oversize, 0);
        await (await applicant.Attach(id, oversize, "big.pdf")).Problem(HttpStatusCode.RequestEntityTooLarge, ProblemCodes.TooLarge);
        var workbook = await (await applicant.Attach(id, When_a_file_is_attached.OfficeFile("xl/workbook.xml"), "budget.bin")).Json200(HttpStatusCode.Created);

        Assert.Equal(global::Grants.Applications.Applications.AttachmentFiles.Xlsx, Assert.Single(workbook.GetProperty("attachments").EnumerateArray()).GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task Should_answer_404_for_another_organisations_application()
    {
        var callId = await host.OpenCall(host.Clock.GetUtcNow().AddDays(30));
        using var owner = host.Applicant(await host.RegisterOrganisation());
        using var other = host.Applicant(await host.RegisterOrganisation());
        var (id, etag) = await owner.DraftApplication(callId);

        await (await other.Get($"/applications/{id}")).Problem(HttpStatusCode.NotFound, "stream.not_found");
        await (await other.Put($"/applications/{id}", ApplicationSteps.Draft(callId, "hijack"), etag)).Problem(HttpStatusCode.NotFound, "stream.not_found");
        await (await other.Post($"/applications/{id}/submit")).Problem(HttpStatusCode.NotFound, "stream.not_found");
        await (await other.Post($"/applications/{id}/withdraw", new { reason = "x" })).Problem(HttpStatusCode.NotFound, "stream.not_found");
        var list = await (await other.Get($"/applications?callId={callId}")).Json200();
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        using var officer = host.Officer();
        Assert.Equal(HttpStatusCode.OK, (await officer.Get($"/applications/{id}")).StatusCode);
    }

    [Fact]
    public async Task Should_reject_bad_input_listing_every_field_and_record_nothing()
    {
        var callId = await host.OpenCall(host.Clock.GetUtcNow().AddDays(30));
        var organisation = await host.RegisterOrganisation();
        using var applicant = host.Applicant(organisation);
        var before = await host.Scalar<long>("select count(*) from {s}.events");

        var response = await applicant.Post("/applications", new
        {
            callId,
            title = new string('t', 1_000_000),
            theme = "astrology",
            countries = France,
            startDate = "2028-01-01",
            endDate = "2027-01-01",
            partners = new[] { new { name = "P", country = "ZZ", role = "r" } },
            budget = new[] { new { category = "staff", description = "Staff", amount = -5m, coFinancing = 0m } },
        });

        var problem = await response.Problem(HttpStatusCode.BadRequest, ProblemCodes.Invalid);
        Assert.Equal(["budget[0].amount", "countries", "endDate", "partners[0].country", "theme", "title"], problem.Fields());
        Assert.Equal(before, await host.Scalar<long>("select count(*) from {s}.events"));
    }

    [Fact]
    public async Task Should_refuse_a_submission_listing_every_broken_rule_and_keep_the_draft()
    {
        var callId = await host.OpenCall(host.Clock.GetUtcNow().AddDays(30));
        using var applicant = host.Applicant(await host.RegisterOrganisation());
        var (id, _) = await applicant.DraftApplication(callId, ApplicationSteps.Draft(callId, budget: new[]
        {
            new { category = "staff", description = "Staff", amount = 400_000m, coFinancing = 0m },
            new { category = "indirect", description = "Overheads", amount = 40_000m, coFinancing = 0m },
        }));

        var problem = await (await applicant.Post($"/applications/{id}/submit")).Problem(HttpStatusCode.UnprocessableEntity, "application.not_admissible");

        Assert.Equal(["application.amount_above_maximum", "application.indirect_costs_over_cap"], problem.ViolationCodes());
        Assert.Equal("Draft", (await (await applicant.Get($"/applications/{id}")).Json200()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Should_hold_an_organisation_to_its_yearly_limit_even_when_submissions_race()
    {
        var callId = await host.OpenCall(host.Clock.GetUtcNow().AddDays(30));
        using var applicant = host.Applicant(await host.RegisterOrganisation());
        var (first, _) = await applicant.DraftApplication(callId);
        var (second, _) = await applicant.DraftApplication(callId);
        var (third, _) = await applicant.DraftApplication(callId);
        await applicant.Submit(first);

        var racing = await Task.WhenAll(applicant.Post($"/applications/{second}/submit"), applicant.Post($"/applications/{third}/submit"));

        Assert.Single(racing, r => r.StatusCode == HttpStatusCode.OK);
        var loser = racing.Single(r => r.StatusCode != HttpStatusCode.OK);
        Assert.True(loser.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity, $"got {loser.StatusCode}");
        var late = racing[0].IsSuccessStatusCode ? third : second;
        var refused = await (await applicant.Post($"/applications/{late}/submit")).Problem(HttpStatusCode.UnprocessableEntity, "application.not_admissible");
        Assert.Equal(["application.too_many_applications"], refused.ViolationCodes());

        await (await applicant.Post($"/applications/{first}/withdraw", new { reason = "Replaced by a better proposal" })).Json200();
        Assert.Equal("Submitted", (await applicant.Submit(late)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Should_withdraw_publish_it_and_count_per_call()
    {
        await using var probe = await BusProbe.Listen<ApplicationWithdrawn>(host.RabbitMq);
        var callId = await host.OpenCall(host.Clock.GetUtcNow().AddDays(30));
        using var first = host.Applicant(await host.RegisterOrganisation());
        using var second = host.Applicant(await host.RegisterOrganisation());
        var (kept, _) = await first.DraftApplication(callId);
        var (withdrawn, _) = await second.DraftApplication(callId);
        await first.Submit(kept);
        await second.Submit(withdrawn);

        await (await second.Post($"/applications/{withdrawn}/withdraw", new { reason = "Merged with a partner's proposal" })).Json200();

        var message = await probe.Next();
        Assert.Equal((withdrawn, "Merged with a partner's proposal"), (message.GetProperty("applicationId").GetGuid(), message.GetProperty("reason").GetString()));
        using var officer = host.Officer();
        var counts = await (await officer.Get($"/applications/counts?callId={callId}")).Json200();
        Assert.Equal(2, counts.GetProperty("total").GetInt32());
        Assert.Equal((1, 1), (counts.GetProperty("byStatus").GetProperty("Submitted").GetInt32(), counts.GetProperty("byStatus").GetProperty("Withdrawn").GetInt32()));
        Assert.Equal(2, counts.GetProperty("byCountry").GetProperty("BI").GetInt32());
        var listed = await (await officer.Get($"/applications?callId={callId}&status=Submitted&country=CD")).Json200();
        Assert.Equal(kept, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Should_refuse_a_submission_once_the_call_is_closed_early_though_earlier_ones_read_it_open()
    {
        var callId = await host.OpenCall(host.Clock.GetUtcNow().AddDays(30));
        using var applicant = host.Applicant(await host.RegisterOrganisation());
        var (first, _) = await applicant.DraftApplication(callId);
        var (second, _) = await applicant.DraftApplication(callId);
        await applicant.Submit(first);
        using var officer = host.Officer();
        await (await officer.Post($"/calls/{callId}/close", new { reason = "budget frozen" })).Json200();

        var refused = await (await applicant.Post($"/applications/{second}/submit")).Problem(HttpStatusCode.UnprocessableEntity, "application.not_admissible");

        Assert.Equal(["application.call_not_open"], refused.ViolationCodes());
        Assert.Equal("Draft", (await (await applicant.Get($"/applications/{second}")).Json200()).GetProperty("status").GetString());
    }
}

public sealed class When_submissions_race_the_deadline(AppHost host) : IClassFixture<AppHost>
{
    [Fact]
    public async Task Should_accept_one_a_second_before_and_refuse_one_a_second_after()
    {
        var deadline = host.Clock.GetUtcNow().AddDays(10);
        var callId = await host.OpenCall(deadline);
        using var early = host.Applicant(await host.RegisterOrganisation());
        using var late = host.Applicant(await host.RegisterOrganisation());
        var (onTime, _) = await early.DraftApplication(callId);
        var (tooLate, _) = await late.DraftApplication(callId);

        host.Clock.Set(deadline.AddSeconds(-1));
        var accepted = await early.Submit(onTime);
        host.Clock.Set(deadline.AddSeconds(1));
        var refused = await late.Post($"/applications/{tooLate}/submit");

        Assert.Equal("Submitted", accepted.GetProperty("status").GetString());
        var problem = await refused.Problem(HttpStatusCode.UnprocessableEntity, "application.not_admissible");
        Assert.Contains("application.deadline_passed", problem.ViolationCodes());
        Assert.Equal("Draft", (await (await late.Get($"/applications/{tooLate}")).Json200()).GetProperty("status").GetString());
    }
}
