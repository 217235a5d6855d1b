using System.Diagnostics;
using Grants.Testing;

namespace Grants.TestServers;

internal sealed class LocalServers(PostgresServer postgres, RabbitMqServer rabbitMq) : IAsyncDisposable
{
    public PostgresServer Postgres => postgres;

    public RabbitMqServer RabbitMq => rabbitMq;

    // Both start at once; if either fails, the other is stopped again and every failure is reported.
    public static async Task<LocalServers> Start(Action<string> report, CancellationToken cancellationToken)
    {
        var starting = (
            Postgres: Timed("PostgreSQL", () => PostgresServer.Start(cancellationToken: cancellationToken), s => s.Directory, report),
            RabbitMq: Timed("RabbitMQ", () => RabbitMqServer.Start(cancellationToken: cancellationToken), s => s.Directory, report));
        try
        {
            await Task.WhenAll(starting.Postgres, starting.RabbitMq);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await StopStarted(starting.Postgres, starting.RabbitMq);
            var failures = new Task[] { starting.Postgres, starting.RabbitMq }
                .Where(task => task.IsFaulted)
                .SelectMany(task => task.Exception!.InnerExceptions)
                .Select(failure => failure is ServerStartException ? failure.Message : failure.ToString());
            throw new ServerStartException(string.Join("\n\n", failures));
        }
        catch (Exception)
        {
            await StopStarted(starting.Postgres, starting.RabbitMq);
            throw;
        }

        return new LocalServers(await starting.Postgres, await starting.RabbitMq);
    }

    public async ValueTask DisposeAsync() =>
        await Task.WhenAll(postgres.DisposeAsync().AsTask(), rabbitMq.DisposeAsync().AsTask());

    private static async Task<T> Timed<T>(string name, Func<Task<T>> start, Func<T, string> directory, Action<string> report)
    {
        var clock = Stopwatch.StartNew();
        var server = await start();
        report($"{name} started in {clock.Elapsed.TotalSeconds:0.0} s in {directory(server)}");
        return server;
    }

    private static async Task StopStarted(Task<PostgresServer> postgres, Task<RabbitMqServer> rabbitMq)
    {
        if (postgres.IsCompletedSuccessfully)
        {
            await postgres.Result.DisposeAsync();
        }

        if (rabbitMq.IsCompletedSuccessfully)
        {
            await rabbitMq.Result.DisposeAsync();
        }
    }
}
