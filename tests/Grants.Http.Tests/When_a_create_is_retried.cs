using System.Net;
using System.Net.Http.Json;
using Grants.Hosting.Http;
using static Grants.Http.Tests.Responses;

namespace Grants.Http.Tests;

public sealed class When_a_create_is_retried(HttpHost host) : IClassFixture<HttpHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Should_replay_the_first_answer_for_the_same_key_and_body_and_create_once()
    {
        var key = Guid.NewGuid().ToString();
        var title = Unique("Radio");

        var first = await Create(key, title);
        var second = await Create(key, title);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.ETag(), second.ETag());
        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
        Assert.False(first.Headers.Contains(IdempotencyKeys.ReplayedHeader));
        Assert.Equal(["true"], second.Headers.GetValues(IdempotencyKeys.ReplayedHeader));
        Assert.Equal(1, await Streams(title));
    }

    [Fact]
    public async Task Should_refuse_the_same_key_for_a_different_body_with_422()
    {
        var key = Guid.NewGuid().ToString();
        var title = Unique("Radio");
        Assert.Equal(HttpStatusCode.Created, (await Create(key, title)).StatusCode);

        var response = await Create(key, title, amount: 999m);

        await response.Problem(HttpStatusCode.UnprocessableEntity, ProblemCodes.IdempotencyKeyReused);
        Assert.Equal(1, await Streams(title));
    }

    [Fact]
    public async Task Should_let_exactly_one_of_concurrent_requests_with_the_same_key_run()
    {
        var key = Guid.NewGuid().ToString();
        var title = Unique("Radio");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Create(key, title)));

        var executed = responses.Where(r => r.StatusCode == HttpStatusCode.Created && !r.Headers.Contains(IdempotencyKeys.ReplayedHeader)).ToList();
        Assert.Single(executed);
        foreach (var other in responses.Except(executed))
        {
            if (other.StatusCode == HttpStatusCode.Conflict)
            {
                await other.Problem(HttpStatusCode.Conflict, ProblemCodes.IdempotencyInProgress);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Created, other.StatusCode);
                Assert.Equal(executed[0].Headers.Location, other.Headers.Location);
            }
        }

        Assert.Equal(1, await Streams(title));
    }

    [Fact]
    public async Task Should_answer_409_while_the_first_request_runs_then_replay_its_answer()
    {
        var key = Guid.NewGuid().ToString();
        var title = Unique("Slow radio");
        var first = Create(key, title, path: "/test/things/slow");
        await host.Gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var meanwhile = await Create(key, title, path: "/test/things/slow");
        await meanwhile.Problem(HttpStatusCode.Conflict, ProblemCodes.IdempotencyInProgress);
        Assert.Equal("1", meanwhile.Headers.RetryAfter?.ToString());

        host.Gate.Released.SetResult();
        var created = await first;
        var afterwards = await Create(key, title, path: "/test/things/slow");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, afterwards.StatusCode);
        Assert.True(afterwards.Headers.Contains(IdempotencyKeys.ReplayedHeader));
        Assert.Equal(created.Headers.Location, afterwards.Headers.Location);
        Assert.Equal(1, await Streams(title));
    }

    [Fact]
    public async Task Should_not_keep_a_failed_request_so_the_key_can_be_retried()
    {
        var key = Guid.NewGuid().ToString();
        var title = Unique("Radio");

        await (await Create(key, title, amount: -1m)).Problem(HttpStatusCode.BadRequest, ProblemCodes.Invalid);
        var retried = await Create(key, title);

        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.False(retried.Headers.Contains(IdempotencyKeys.ReplayedHeader));
        Assert.Equal(1, await Streams(title));
    }

    [Fact]
    public async Task Should_run_again_once_the_key_has_expired()
    {
        var key = Guid.NewGuid().ToString();
        var title = Unique("Radio");
        Assert.Equal(HttpStatusCode.Created, (await Create(key, title)).StatusCode);

        host.Clock.Advance(IdempotencyKeys.Retention + TimeSpan.FromMinutes(1));
        var later = await Create(key, title, amount: 999m);

        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.False(later.Headers.Contains(IdempotencyKeys.ReplayedHeader));
        Assert.Equal(2, await Streams(title));
    }

    [Fact]
    public async Task Should_run_every_time_without_a_key()
    {
        var title = Unique("Radio");

        Assert.Equal(HttpStatusCode.Created, (await Create(null, title)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Create(null, title)).StatusCode);

        Assert.Equal(2, await Streams(title));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("tab\tinside")]
    [InlineData("ключ")]
    public async Task Should_refuse_a_key_that_is_not_1_to_255_printable_characters_with_400(string key)
    {
        var title = Unique("Radio");

        await (await Create(key, title)).Problem(HttpStatusCode.BadRequest, ProblemCodes.IdempotencyKeyInvalid);
        await (await Create(new string('k', 256), title)).Problem(HttpStatusCode.BadRequest, ProblemCodes.IdempotencyKeyInvalid);
        Assert.Equal(0, await Streams(title));
    }

    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}";

    private Task<long> Streams(string title) =>
        host.Scalar<long>("select count(*) from {s}.events where type = 'test.thing_created' and data->>'title' = $1", title);

    private async Task<HttpResponseMessage> Create(string? key, string title, decimal amount = 100m, string path = "/test/things")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path(path))
        {
            Content = JsonContent.Create(new { title, amount, currency = "EUR" }),
        };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKeys.Header, key);
        }

        return await _client.SendAsync(request);
    }
}
