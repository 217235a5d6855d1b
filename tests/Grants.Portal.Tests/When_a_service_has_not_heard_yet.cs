extern alias portal;

using portal::Grants.Portal.Api;

namespace Grants.Portal.Tests;

/// <summary>A page reading what another service's message opens (a reviewer's application after the declaration) reads a few times before it gives up.</summary>
public sealed class When_a_service_has_not_heard_yet
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task Should_read_again_until_the_service_answers()
    {
        var reads = 0;

        var found = await NotYetThere.ReadSoon(() => ++reads < 3 ? throw NotFound() : Task.FromResult("the application"), 5, Pause, TimeProvider.System, CancellationToken.None);

        Assert.Equal("the application", found);
        Assert.Equal(3, reads);
    }

    [Fact]
    public async Task Should_give_up_with_nothing_after_the_last_attempt()
    {
        var reads = 0;

        var found = await NotYetThere.ReadSoon<string>(() => { reads++; throw NotFound(); }, 4, Pause, TimeProvider.System, CancellationToken.None);

        Assert.Null(found);
        Assert.Equal(4, reads);
    }

    [Fact]
    public async Task Should_not_read_again_after_another_refusal()
    {
        var reads = 0;
        var forbidden = new ApiException(new ApiProblem(403, "auth.forbidden", "Forbidden", new Dictionary<string, string[]>()));

        var thrown = await Assert.ThrowsAsync<ApiException>(() => NotYetThere.ReadSoon<string>(() => { reads++; throw forbidden; }, 4, Pause, TimeProvider.System, CancellationToken.None));

        Assert.Same(forbidden, thrown);
        Assert.Equal(1, reads);
    }

    private static ApiException NotFound() => new(new ApiProblem(404, "not_found", "Not found", new Dictionary<string, string[]>()));
}
