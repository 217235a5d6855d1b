using System.Net.Http.Json;
using System.Text.Json;
using Quartz;
using static Grants.Payments.Tests.Api.Scenario;

namespace Grants.Payments.Tests.Api;

[Collection(OnePaymentsWorld.Name)]
public sealed class When_a_tranche_is_not_paid_in_time(PaymentsWorld world)
{
    private readonly PaymentsInstance _payments = world.Payments;

    [Fact]
    public async Task Should_show_it_as_late_once_the_45_days_are_over()
    {
        var scenario = new Scenario(_payments);
        var grant = await scenario.ActiveGrant();
        var payBy = DateOnly.Parse(Tranche(grant, 1).GetProperty("payBy").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var key = new TriggerKey(LateTranches.Key(scenario.GrantId, 1), "commands");
        var quartz = await _payments.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await Until(async () => await quartz.GetTrigger(key) is not null, "the deadline is scheduled");
        var lateFrom = PaymentDeadline.LateFrom(payBy, "Europe/Brussels");
        Assert.Equal(lateFrom, (await quartz.GetTrigger(key))!.NextFireTimeUtc);
        Assert.False(Tranche(await scenario.Grant(), 1).GetProperty("late").GetBoolean());

        // Just past the deadline: a trigger more than Quartz's misfire threshold (60 s) overdue would
        // wait for the misfire scan instead of firing at the next look for due triggers.
        var jump = lateFrom - world.Clock.GetUtcNow() + TimeSpan.FromSeconds(2);
        world.Clock.Advance(jump);
        try
        {
            await scenario.GrantWhen(g => Tranche(g, 1).GetProperty("late").GetBoolean(), "the tranche is late");
            var late = await scenario.Officer.GetFromJsonAsync<JsonElement>(new Uri("/tranches?late=true&pageSize=200", UriKind.Relative));
            Assert.Contains(late.GetProperty("items").EnumerateArray(), t => t.GetProperty("grantId").GetGuid() == scenario.GrantId);
        }
        finally
        {
            world.Clock.Advance(-jump);
        }
    }
}
