using System.Net;
using Grants.Hosting.Http;

namespace Grants.Payments.Tests.Api;

[Collection(OnePaymentsWorld.Name)]
public sealed class When_a_request_is_wrong(PaymentsWorld world)
{
    private readonly PaymentsInstance _payments = world.Payments;

    [Fact]
    public async Task Should_list_every_invalid_field_and_change_nothing()
    {
        var scenario = new Scenario(_payments);
        var desk = new Desk(_payments, world, scenario);
        await scenario.ActiveGrant();
        var version = await desk.ETag();

        var problem = await (await Desk.Post(desk.Finance, $"/grants/{scenario.GrantId}/tranches/1/preparation", new { amount = -5.001m, currency = "euro" }, version))
            .Problem(HttpStatusCode.BadRequest, ProblemCodes.Invalid);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("amount", out _) && errors.TryGetProperty("currency", out _) && errors.TryGetProperty("executionDate", out _), errors.ToString());
        Assert.Equal(version, await desk.ETag());
    }

    [Fact]
    public async Task Should_refuse_a_signature_without_if_match_or_for_another_amount()
    {
        var scenario = new Scenario(_payments);
        var desk = new Desk(_payments, world, scenario);
        await scenario.ActiveGrant();

        await (await Desk.Post(desk.Finance, $"/grants/{scenario.GrantId}/tranches/1/preparation", new { amount = 48_000m, currency = "EUR", executionDate = desk.Today }))
            .Problem(HttpStatusCode.PreconditionRequired, ProblemCodes.IfMatchRequired);
        await (await desk.Prepare(1, 50_000m)).Problem(HttpStatusCode.UnprocessableEntity, "tranche.amount_mismatch");
        await (await desk.Prepare(7, 48_000m)).Problem(HttpStatusCode.NotFound, "tranche.not_found");
        await (await desk.Prepare(1, 48_000m, on: desk.Today.AddDays(-1))).Problem(HttpStatusCode.UnprocessableEntity, "tranche.execution_date_invalid");
    }

    [Fact]
    public async Task Should_let_only_finance_make_batches_and_answer_404_for_an_unknown_one()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await Desk.Post(_payments.As("approver", "anna"), "/payment-batches", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Desk.Post(_payments.As("auditor", "audrey"), "/payment-batches", new { })).StatusCode);
        await (await _payments.As("finance", "fiona").PostAsync(new Uri($"/payment-batches/{Guid.NewGuid()}/export", UriKind.Relative), null))
            .Problem(HttpStatusCode.NotFound, "batch.not_found");
        await (await _payments.As("auditor", "audrey").GetAsync(new Uri($"/payment-batches/{Guid.NewGuid()}", UriKind.Relative)))
            .Problem(HttpStatusCode.NotFound, "stream.not_found");
    }
}
