namespace Grants.Lifecycle.Tests;

/// <summary>The demo's call, from opening to close-out over the three services' HTTP APIs; then what must hold of it.</summary>
[Collection(SharedRun.Name)]
public sealed class When_a_call_runs_its_whole_lifecycle(LifecycleRun run)
{
    private static readonly Caller Officer = Caller.Officer;

    private IReadOnlyList<ApplicationOutcome> Outcomes => run.Result.Applications;

    [Fact]
    public void Should_take_each_application_to_the_end_its_story_gives_it()
    {
        Assert.Equal(30, Outcomes.Count);
        Assert.All(Outcomes.Where(o => o.Twist == Twist.Ineligible), o => Assert.Equal("Ineligible", o.Status));
        Assert.All(Outcomes.Where(o => o.Twist == Twist.LowScores), o => Assert.Equal("Rejected", o.Status));
        var frozen = Assert.Single(run.Scenario.Applications, a => a.Frozen);
        Assert.Equal(DemoNgo.SanctionedAlias, frozen.Ngo.Name);
        Assert.Equal("AgreementSigned", Outcomes.Single(o => o.ApplicationId == frozen.Id).Status);
        var closed = Outcomes.Where(o => o.Awarded is not null && o.ApplicationId != frozen.Id).ToList();
        Assert.Equal(18, closed.Count);
        Assert.All(closed, o => Assert.Equal("Closed", o.Status));
        Assert.All(Outcomes.Where(o => o.Twist is not Twist.Ineligible), o => Assert.NotNull(o.Score));
    }

    [Fact]
    public async Task Should_lose_no_application()
    {
        var listed = (await run.Api.Applications.Get(Officer, $"/applications?callId={run.Result.CallId}&pageSize=200", default)).EnsureOk();
        var ids = listed["items"].EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToHashSet();

        Assert.Equal(run.Scenario.Applications.Select(a => a.Id).ToHashSet(), ids);
        var cases = (await run.Api.Review.Get(Officer, $"/calls/{run.Result.CallId}/cases?pageSize=200", default)).EnsureOk();
        Assert.Equal(27, cases["total"].GetInt32());
    }

    [Fact]
    public async Task Should_never_commit_more_than_the_envelope()
    {
        var ranking = (await run.Api.Review.Get(Officer, $"/calls/{run.Result.CallId}/ranking", default)).EnsureOk();
        var ledger = (await run.Api.Payments.Get(Caller.Finance, $"/calls/{run.Result.CallId}/ledger", default)).EnsureOk();

        var awarded = Outcomes.Sum(o => o.Awarded ?? 0m);
        Assert.Equal(awarded, ranking["awarded"].GetDecimal());
        Assert.True(awarded <= 3_000_000m);
        Assert.True(ledger["committed"].GetProperty("amount").GetDecimal() <= 3_000_000m);
        Assert.Equal(3_000_000m - ledger["committed"].GetProperty("amount").GetDecimal(), ledger["remaining"].GetProperty("amount").GetDecimal());
        Assert.Equal(Outcomes.Sum(o => o.Paid), ledger["paid"].GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Should_pay_every_paid_tranche_exactly_once()
    {
        var twice = await run.Payments.Schema.Scalar<long>(
            "select count(*) from (select stream_id, data->>'number' from {s}.events where type = 'payments.tranche_paid' group by 1, 2 having count(*) > 1) d");
        Assert.Equal(0L, twice);
        foreach (var outcome in Outcomes.Where(o => o.GrantId is not null))
        {
            var grant = (await run.Api.Payments.Get(Caller.Finance, $"/grants/{outcome.GrantId}", default)).EnsureOk();
            var paid = grant["tranches"].EnumerateArray().Where(t => t.GetProperty("status").GetString() == "paid").ToList();
            Assert.Equal(outcome.Paid, paid.Sum(t => t.GetProperty("amount").GetProperty("amount").GetDecimal()));
            Assert.Equal(paid.Count, paid.Select(t => t.GetProperty("endToEndId").GetString()).Distinct().Count());
            Assert.All(paid, t => Assert.NotEqual(t.GetProperty("preparedBy").GetString(), t.GetProperty("approvedBy").GetString()));
        }
    }

    [Fact]
    public async Task Should_keep_a_payment_blocked_while_its_report_is_overdue()
    {
        var overdue = Outcomes.Single(o => o.Twist == Twist.OverdueReport);
        var grant = (await run.Api.Payments.Get(Caller.Finance, $"/grants/{overdue.GrantId}", default)).EnsureOk();
        var tranches = grant["tranches"].EnumerateArray().ToList();

        Assert.Equal("withheld", tranches[0].GetProperty("status").GetString());
        Assert.Equal("paid", tranches[^1].GetProperty("status").GetString());
        Assert.Equal(overdue.Awarded, overdue.Paid);
        var blocked = await run.Payments.Schema.Scalar<long>(
            "select count(*) from {s}.events where type = 'payments.tranche_blocked' and stream_id = $1 and data::text like '%report_overdue%'", overdue.GrantId!.Value);
        Assert.Equal(1L, blocked);
    }

    [Fact]
    public void Should_close_one_grant_with_a_recovery_of_what_was_not_spent()
    {
        var recovery = Outcomes.Single(o => o.Twist == Twist.Recovery);
        var spent = run.Scenario.Applications.Single(a => a.Id == recovery.ApplicationId).BudgetLines.Sum(line => decimal.Round(line * 0.5m, 2));

        Assert.Equal(decimal.Round(recovery.Awarded!.Value * 0.8m, 2), recovery.Paid);
        Assert.Equal(recovery.Paid - spent, recovery.Recovered);
        Assert.All(Outcomes.Where(o => o.Twist != Twist.Recovery), o => Assert.Equal(0m, o.Recovered));
    }

    [Fact]
    public void Should_verify_every_hash_chain_in_every_service()
    {
        Assert.Equal(["applications", "review", "payments"], run.Result.Verifications.Select(v => v.Service));
        Assert.All(run.Result.Verifications, v => Assert.True(v.Ok, $"{v.Service}: a chain does not verify"));
        Assert.All(run.Result.Verifications, v => Assert.True(v.Events > 100, $"{v.Service} verified only {v.Events} events"));
    }

    [Fact]
    public async Task Should_show_the_ngo_what_each_service_holds()
    {
        foreach (var application in run.Scenario.Applications.Where(a => a.Twist != Twist.Ineligible))
        {
            var status = (await run.Api.Applications.Get(application.Ngo.Applicant, $"/applications/{application.Id}/status", default)).EnsureOk();
            var review = (await run.Api.Review.Get(application.Ngo.Applicant, $"/cases/{application.Id}", default)).EnsureOk();
            Assert.Equal(review["weightedScore"].GetDecimal(), status["review"].GetProperty("weightedScore").GetDecimal());
            if (!application.Funded)
            {
                continue;
            }

            var grant = (await run.Api.Payments.Get(application.Ngo.Applicant, $"/grants/{application.GrantId}", default)).EnsureOk();
            var paid = grant["paid"].GetProperty("amount").GetDecimal();
            Assert.Equal(application.Awarded, status["funding"].GetProperty("amount").GetProperty("amount").GetDecimal());
            Assert.Equal(paid, status["totalPaid"].ValueKind == JsonValueKind.Null ? 0m : status["totalPaid"].GetProperty("amount").GetDecimal());
            Assert.Equal(grant["status"].GetString() == "closed", status["status"].GetString() == "Closed");
        }
    }

    [Fact]
    public async Task Should_close_the_call_by_its_deadline_job()
    {
        var call = (await run.Api.Applications.Get(Officer, $"/calls/{run.Result.CallId}", default)).EnsureOk();
        var closedBy = await run.Applications.Schema.Scalar<string>(
            "select coalesce(headers->>'source', headers->>'Source') from {s}.events where stream_id = $1 and type = 'call.closed'", run.Result.CallId);

        Assert.Equal("Closed", call["status"].GetString());
        Assert.True(call["closedAt"].GetDateTimeOffset() >= call["rules"].GetProperty("submissionDeadline").GetDateTimeOffset());
        Assert.Equal("job", closedBy);
    }
}
