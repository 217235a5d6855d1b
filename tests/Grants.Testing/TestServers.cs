namespace Grants.Testing;

// The servers every test in this process shares: the ones named by the environment, or else local
// ones started on first use and stopped when the process exits. A failure to get one is kept, so
// every test that needs it fails at once with the same explanation instead of trying again.
public static class TestServers
{
    public const string PostgresVariable = "GRANTS_TEST_POSTGRES";
    public const string RabbitMqVariable = "GRANTS_TEST_RABBITMQ";
    public const string RabbitMqManagementVariable = "GRANTS_TEST_RABBITMQ_MANAGEMENT";

    private static readonly Lazy<Task<PostgresEndpoint>> SharedPostgres = new(() => Task.Run(StartPostgres));
    private static readonly Lazy<Task<RabbitMqEndpoint>> SharedRabbitMq = new(() => Task.Run(StartRabbitMq));

    public static bool PostgresIsExternal => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public static bool RabbitMqIsExternal => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(RabbitMqVariable));

    public static Task<PostgresEndpoint> Postgres() => SharedPostgres.Value;

    public static Task<RabbitMqEndpoint> RabbitMq() => SharedRabbitMq.Value;

    private static async Task<PostgresEndpoint> StartPostgres()
    {
        if (PostgresIsExternal)
        {
            var endpoint = new PostgresEndpoint(Environment.GetEnvironmentVariable(PostgresVariable)!);
            await ExternalServers.CheckPostgres(endpoint, CancellationToken.None);
            return endpoint;
        }

        var server = await PostgresServer.Start();
        StopOnExit(server);
        return server.Endpoint;
    }

    private static async Task<RabbitMqEndpoint> StartRabbitMq()
    {
        if (RabbitMqIsExternal)
        {
            var endpoint = ExternalServers.ParseRabbitMq(
                Environment.GetEnvironmentVariable(RabbitMqVariable)!,
                Environment.GetEnvironmentVariable(RabbitMqManagementVariable));
            await ExternalServers.CheckRabbitMq(endpoint, CancellationToken.None);
            return endpoint;
        }

        var server = await RabbitMqServer.Start();
        StopOnExit(server);
        return server.Endpoint;
    }

    // The watchdog would stop the server anyway once this process is gone; stopping it here is
    // the orderly way, and leaves nothing behind even for the moment in between.
    private static void StopOnExit(IAsyncDisposable server) =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
