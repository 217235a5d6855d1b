using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grants.Hosting.Http;

namespace Grants.Payments.Tests.Api;

/// <summary>The finance officer's and the approver's side of the money path, over HTTP.</summary>
public sealed class Desk(PaymentsInstance payments, PaymentsWorld world, Scenario scenario)
{
    public HttpClient Finance { get; } = payments.As("finance", "fiona");

    public HttpClient Approver { get; } = payments.As("approver", "anna");

    public DateOnly Today => PaymentDeadline.Today(world.Clock.GetUtcNow(), "Europe/Brussels");

    public async Task<HttpResponseMessage> Prepare(int number, decimal amount, HttpClient? client = null, DateOnly? on = null) =>
        await Post(client ?? Finance, $"/grants/{scenario.GrantId}/tranches/{number}/preparation", new { amount, currency = "EUR", executionDate = on ?? Today }, await ETag());

    public async Task<HttpResponseMessage> Approve(int number, HttpClient? client = null) =>
        await Post(client ?? Approver, $"/grants/{scenario.GrantId}/tranches/{number}/approval", new { }, await ETag());

    public async Task<HttpResponseMessage> CreateBatch(string? key = null, HttpClient? client = null) =>
        await Post(client ?? Finance, "/payment-batches", new { }, key: key);

    public async Task<Guid> Batch()
    {
        var response = await CreateBatch();
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<byte[]> Export(Guid batch, HttpClient? client = null)
    {
        var response = await (client ?? Finance).PostAsync(new Uri($"/payment-batches/{batch}/export", UriKind.Relative), null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public Task<HttpResponseMessage> Execute(Guid batch, string reference, string? key = null, HttpClient? client = null) =>
        Post(client ?? Finance, $"/payment-batches/{batch}/execution", new { bankReference = reference, executedOn = Today }, key: key);

    public Task<HttpResponseMessage> Reject(Guid batch, string reason) =>
        Post(Finance, $"/payment-batches/{batch}/rejection", new { reason });

    /// <summary>Both signatures, a batch, its export and the bank's confirmation.</summary>
    public async Task<Guid> Pay(int number, decimal amount)
    {
        Assert.Equal(HttpStatusCode.OK, (await Prepare(number, amount)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Approve(number)).StatusCode);
        var batch = await Batch();
        await Export(batch);
        Assert.Equal(HttpStatusCode.OK, (await Execute(batch, $"BANK-{batch:N}"[..20])).StatusCode);
        return batch;
    }

    public async Task<string> ETag() => (await Finance.GetAsync(new Uri($"/grants/{scenario.GrantId}", UriKind.Relative))).Headers.ETag!.ToString();

    public static async Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string? ifMatch = null, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKeys.Header, key);
        }

        return await client.SendAsync(request);
    }
}
