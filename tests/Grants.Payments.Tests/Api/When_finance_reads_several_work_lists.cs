using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grants.Hosting.Http;
using static Grants.Payments.Tests.Api.Scenario;

namespace Grants.Payments.Tests.Api;

[Collection(OnePaymentsWorld.Name)]
public sealed class When_finance_reads_several_work_lists(PaymentsWorld world)
{
    private readonly PaymentsInstance _payments = world.Payments;

    [Fact]
    public async Task Should_list_the_tranches_of_every_status_asked_for_in_one_request_and_only_those()
    {
        var scenario = new Scenario(_payments);
        var grant = await scenario.ActiveGrant();
        var (first, second) = (Tranche(grant, 1).GetProperty("status").GetString()!, Tranche(grant, 2).GetProperty("status").GetString()!);
        Assert.NotEqual(first, second);

        var both = await Numbers(scenario, $"status={first}&status={second}");
        var one = await Numbers(scenario, $"status={first}");

        Assert.Equal([1, 2], both);
        Assert.Equal([1], one);
        await (await scenario.Officer.GetAsync(new Uri($"/tranches?status={first}&status=spent", UriKind.Relative)))
            .Problem(HttpStatusCode.BadRequest, ProblemCodes.Invalid);
    }

    /// <summary>The numbers of this grant's tranches in the list, after checking every item is in a status asked for.</summary>
    private static async Task<int[]> Numbers(Scenario scenario, string query)
    {
        var asked = query.Split('&').Select(p => p["status=".Length..]).ToHashSet();
        var list = await scenario.Officer.GetFromJsonAsync<JsonElement>(new Uri($"/tranches?{query}&pageSize=200", UriKind.Relative));
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, t => Assert.Contains(t.GetProperty("status").GetString()!, asked));
        return [.. items.Where(t => t.GetProperty("grantId").GetGuid() == scenario.GrantId).Select(t => t.GetProperty("number").GetInt32()).Order()];
    }
}
