using Microsoft.Extensions.DependencyInjection;

namespace Grants.Bench.Portal;

/// <summary>Counts the requests the portal's typed clients send to the services; the bench asks one page at a time, so the difference is that page's.</summary>
internal sealed class ApiCalls
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void AddTo(IServiceCollection services) =>
        services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new Counter(this)));

    private sealed class Counter(ApiCalls calls) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls._count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
