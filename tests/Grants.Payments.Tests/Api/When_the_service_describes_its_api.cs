using System.Text.Json;

namespace Grants.Payments.Tests.Api;

[Collection(OnePaymentsWorld.Name)]
public sealed class When_the_service_describes_its_api(PaymentsWorld world)
{
    [Fact]
    public async Task Should_list_the_ledger_signature_and_batch_routes_in_its_openapi_document()
    {
        using var client = world.Payments.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Superset(
            new HashSet<string>
            {
                "/grants", "/grants/{id}", "/grants/{id}/tranches/{number}/preparation", "/grants/{id}/tranches/{number}/approval",
                "/calls/{callId}/ledger", "/tranches", "/payment-batches", "/payment-batches/{id}", "/payment-batches/{id}/file",
                "/payment-batches/{id}/export", "/payment-batches/{id}/execution", "/payment-batches/{id}/rejection",
            },
            paths.ToHashSet());
    }
}
