using Grants.EventSourcing;
using Grants.Hosting.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Http.Tests;

/// <summary>
/// Adds test-only endpoints to the real service. Mapped after the service has configured its
/// pipeline, they land in the service's own route table and run behind its middleware, exactly
/// like a feature's endpoints; the service itself has none of them.
/// </summary>
public sealed class TestApi : IStartupFilter
{
    public const long UploadLimit = 12 * 1024 * 1024;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.UseEndpoints(endpoints =>
        {
            Thing.Register(endpoints.ServiceProvider.GetRequiredService<EventStoreOptions>());
            endpoints.MapThings();
            endpoints.MapGet("/test/numbers", (PageRequest page) =>
                page.Of(Enumerable.Range(1, 120).Skip(page.Offset).Take(page.PageSize).ToList(), 120));
            endpoints.MapPost("/test/uploads", CountBytes).WithMaxBodySize(UploadLimit);
            endpoints.MapPost("/test/crash", Crash);
        });
    };

    private static async Task<long> CountBytes(HttpRequest request, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        var total = 0L;
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static string Crash() =>
        throw new InvalidOperationException("Host=db.internal;Password=hunter2 could not be reached");
}
