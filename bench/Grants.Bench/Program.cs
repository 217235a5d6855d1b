using System.Globalization;
using Grants.Bench;
using Grants.Bench.Portal;
using Grants.EventSourcing;
using Grants.Testing;
using Npgsql;

// Usage: Grants.Bench [--seconds N] [--replay-events N] [--messages N] [--applications N] [--clients N] [--per-client N]
//                     [--names N] [--entries N] [--brute-force N] [--portal-applications N] [--requests N]
//                     [--only store|messaging|review|rush|sanctions|portal]
// Starts its own durable PostgreSQL (fsync and synchronous commit on) unless GRANTS_BENCH_POSTGRES names one,
// and, for the messaging figures, its own RabbitMQ node. The sanctions figures need neither.
var seconds = Option("--seconds", 5);
var replayEvents = Option("--replay-events", 1_000_000);
var messages = Option("--messages", 20_000);
var applications = Option("--applications", 5_000);
var clients = Option("--clients", 50);
var perClient = Option("--per-client", 10);
var portalApplications = Option("--portal-applications", 1_000);
var pageRequests = Option("--requests", 20);
var only = Array.IndexOf(args, "--only") is var o and >= 0 && o + 1 < args.Length ? args[o + 1] : null;

var sanctions = only is null or "sanctions"
    ? new SanctionsBenchmarks(Option("--names", 10_000), Option("--entries", 20_000), Option("--brute-force", 10_000)).Run()
    : "";
if (only == "sanctions")
{
    Console.WriteLine(sanctions);
    return;
}

await using var server = Environment.GetEnvironmentVariable("GRANTS_BENCH_POSTGRES") is { Length: > 0 }
    ? null
    : await PostgresServer.Start(new PostgresServerOptions { Durable = true });
var connectionString = server?.Endpoint.ConnectionString ?? Environment.GetEnvironmentVariable("GRANTS_BENCH_POSTGRES")!;
Console.WriteLine($"PostgreSQL: {(server is null ? "GRANTS_BENCH_POSTGRES" : $"local durable server on port {server.Port}")}; {seconds} s per append scenario; {replayEvents:N0} events to replay; {Environment.ProcessorCount} cores");

var schema = $"bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
await using var dataSource = new NpgsqlDataSourceBuilder(connectionString) { ConnectionStringBuilder = { MaxPoolSize = 64, NoResetOnClose = true } }.Build();
var store = new EventStore(dataSource, BenchEvents.Options(schema));
await store.EnsureSchema(CancellationToken.None);

var results = new List<Measurement>();
var fastCommit = new NpgsqlConnectionStringBuilder(connectionString) { Options = "-c synchronous_commit=off" };
await using var seedSource = NpgsqlDataSource.Create(fastCommit);
var memory = "";
if (only is null or "store")
{
    results.AddRange(await new AppendBenchmarks(dataSource, store, TimeSpan.FromSeconds(seconds)).Run());
    var replayStore = new EventStore(dataSource, BenchEvents.Options(schema + "_replay"));
    await replayStore.EnsureSchema(CancellationToken.None);
    var seeder = new EventStore(seedSource, BenchEvents.Options(schema + "_replay"));
    (var replay, memory) = await new ReplayBenchmarks(dataSource, replayStore, seeder, replayEvents).Run();
    results.AddRange(replay);
}

var rushReport = "";
var messagingCpu = "";
var portalReport = "";
if (only is null or "messaging" or "rush" or "portal")
{
    await using var broker = await RabbitMqServer.Start();
    if (only is null or "messaging")
    {
        var messagingBench = new MessagingBenchmarks(connectionString, dataSource, seedSource, store, broker.Endpoint, messages, TimeSpan.FromSeconds(seconds));
        results.AddRange(await messagingBench.Run());
        messagingCpu = $"CPU per message or row:{Environment.NewLine}{messagingBench.Cpu}";
    }

    if (only is null or "rush")
    {
        (var rush, rushReport) = await new DeadlineRushBenchmarks(connectionString, store, broker.Endpoint.Amqp, clients, perClient, TimeSpan.FromSeconds(seconds)).Run();
        results.AddRange(rush);
    }

    if (only is null or "portal")
    {
        await using var virtualHost = await TestRabbitMq.NewVirtualHost(broker.Endpoint);
        portalReport = await new PortalBenchmarks(server?.Endpoint ?? new PostgresEndpoint(connectionString), virtualHost.Amqp, portalApplications, pageRequests).Run();
    }
}

var review = only is null or "review" ? await new ReviewBenchmarks(dataSource, schema + "_review", applications).Run() : "";

if (results.Count > 0)
{
    ResultTable.Print(results);
    Console.WriteLine(memory);
    Console.WriteLine(messagingCpu);
    Console.WriteLine(rushReport);
}

Console.WriteLine(review);
Console.WriteLine(sanctions);
Console.WriteLine(portalReport);
return;

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
