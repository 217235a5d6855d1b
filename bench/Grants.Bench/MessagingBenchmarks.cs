using System.Diagnostics;
using System.Text;
using Grants.Contracts;
using Grants.EventSourcing;
using Grants.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Grants.Bench;

/// <summary>
/// End to end: events already in the log go through the relay, RabbitMQ and an idempotent consumer
/// that appends in its own store; against the raw bounds under it, measured in the same run.
/// </summary>
internal sealed class MessagingBenchmarks(
    string postgres, NpgsqlDataSource dataSource, NpgsqlDataSource seedSource, EventStore store, RabbitMqEndpoint broker, int messages, TimeSpan duration)
{
    private const int InFlight = 100;
    private const int EventsPerStream = 40;
    private const int Connections = 16;

    private readonly Uri _rabbitMq = broker.Amqp;

    private readonly List<string> _cpu = [];

    /// <summary>The CPU one message (or row) cost in each scenario, by process: what a loaded machine does not move.</summary>
    public string Cpu => string.Join(Environment.NewLine, _cpu);

    public async Task<IReadOnlyList<Measurement>> Run()
    {
        // A cold process measures the JIT compiling MassTransit, Npgsql and RabbitMQ.Client, not the
        // path: whichever scenario ran first paid for it, so one small untimed pass warms them all. It
        // has a virtual host of its own: its queues would otherwise take in the MassTransit scenario's messages.
        await using (var warmUp = await TestRabbitMq.NewVirtualHost(broker))
        {
            await EndToEnd(interleaved: true, Math.Max(EventsPerStream * 25, messages / 10), warmUp.Amqp);
        }

        var publish = await WithCpu("raw RabbitMQ publish", messages, RawPublish);
        var consume = await WithCpu("raw RabbitMQ consume", messages, RawConsume);
        var inserts = await RawInserts();
        var raw = new[]
        {
            new Measurement($"raw RabbitMQ publish with confirms, {InFlight} in flight", "msgs/s", publish, ""),
            new Measurement("raw RabbitMQ consume with acks", "msgs/s", consume, ""),
            new Measurement($"raw single-row INSERT, {Connections} connections", "rows/s", inserts, ""),
        };
        var lowest = raw.MinBy(r => r.Rate)!;
        var appends = await StoreAppends();
        var published = await WithCpu("MassTransit publish", messages, MassTransitPublish);
        var results = new List<Measurement>(raw)
        {
            new($"event store append, one event on a new stream, {Connections} connections (every message ends in one)", "events/s", appends, raw[2].Scenario),
            new($"MassTransit publish with confirms, {InFlight} in flight", "msgs/s", published, raw[0].Scenario),
        };
        // Steps every message takes at least, each measured alone: on the same cores their costs add up.
        var ceiling = 1 / ((1 / appends) + (1 / published) + (1 / consume));
        _cpu.Add($"an append, a MassTransit publish and a raw consume alone, sharing the machine, allow at most {ceiling:N0} msgs/s, {ceiling / lowest.Rate:P0} of the lowest raw rate");
        // Interleaved is the usual shape of the log (many applications, a few events each at a
        // time); one stream after another is the worst case, since a stream's messages are
        // published one confirm after the other to keep their order.
        foreach (var (shape, interleaved) in new[] { ("interleaved streams", true), ($"{EventsPerStream} events per stream in a row", false) })
        {
            var (relayed, endToEnd, cpu) = await EndToEnd(interleaved, messages, _rabbitMq);
            _cpu.Add($"end to end, {shape}: {cpu.PerUnit(messages)}");
            results.Add(new Measurement($"relay, {shape}", "msgs/s", relayed, raw[0].Scenario));
            results.Add(new Measurement($"append -> relay -> RabbitMQ -> consumer -> inbox + append, {shape}", "msgs/s", endToEnd, lowest.Scenario));
        }

        return results;
    }

    private async Task<double> RawPublish()
    {
        await using var connection = await new ConnectionFactory { Uri = _rabbitMq }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.QueueDeclareAsync("bench-raw", durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
        var body = Encoding.UTF8.GetBytes(new string('x', 300));
        var properties = new BasicProperties { Persistent = true };
        using var window = new SemaphoreSlim(InFlight);
        var clock = Stopwatch.StartNew();
        var publishes = new List<Task>(messages);
        for (var i = 0; i < messages; i++)
        {
            await window.WaitAsync();
            publishes.Add(Task.Run(async () =>
            {
                try
                {
                    await channel.BasicPublishAsync("", "bench-raw", mandatory: false, properties, body);
                }
                finally
                {
                    window.Release();
                }
            }));
        }

        await Task.WhenAll(publishes);
        return messages / clock.Elapsed.TotalSeconds;
    }

    /// <summary>What the relay publishes through: MassTransit to the contract's exchange, stored by a quorum queue bound to every partition.</summary>
    private async Task<double> MassTransitPublish()
    {
        await using var host = await KitHost.Start("bench-mt", postgres, $"bench_mt_{DateTime.UtcNow:HHmmssfff}", _rabbitMq, MessagingServices.Publisher);
        var bus = host.Services.GetRequiredService<IBus>();
        TranchePaymentRecorded Message() => new()
        {
            MessageId = Guid.NewGuid(), CorrelationId = Guid.NewGuid(), GrantId = Guid.NewGuid(), Version = 1, Amount = Money.Eur(1000m),
        };
        // The first publish declares the exchange; unbound, it is dropped.
        await bus.Publish(Message());
        await using var connection = await new ConnectionFactory { Uri = _rabbitMq }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync("bench-mt", durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
        foreach (var partition in Enumerable.Range(0, Grants.Hosting.Messaging.GrantsMessaging.Partitions))
        {
            await channel.QueueBindAsync("bench-mt", $"{typeof(TranchePaymentRecorded).Namespace}:{nameof(TranchePaymentRecorded)}", $"{partition}");
        }

        using var window = new SemaphoreSlim(InFlight);
        var clock = Stopwatch.StartNew();
        var publishes = new List<Task>(messages);
        for (var i = 0; i < messages; i++)
        {
            await window.WaitAsync();
            publishes.Add(Task.Run(async () =>
            {
                try
                {
                    await bus.Publish(Message());
                }
                finally
                {
                    window.Release();
                }
            }));
        }

        await Task.WhenAll(publishes);
        var rate = messages / clock.Elapsed.TotalSeconds;
        // The end-to-end scenarios publish the same contract: left bound, this queue would store every
        // one of their messages a second time and grow, charging the broker's work to the pipeline.
        await channel.QueueDeleteAsync("bench-mt");
        return rate;
    }

    private async Task<double> RawConsume()
    {
        await using var connection = await new ConnectionFactory { Uri = _rabbitMq }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.BasicQosAsync(0, 32, global: false);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = 0;
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            if (Interlocked.Increment(ref received) == messages)
            {
                done.SetResult();
            }
        };
        var clock = Stopwatch.StartNew();
        await channel.BasicConsumeAsync("bench-raw", autoAck: false, consumer);
        await done.Task.WaitAsync(TimeSpan.FromMinutes(5));
        return messages / clock.Elapsed.TotalSeconds;
    }

    private async Task<double> RawInserts()
    {
        await Execute("create table bench_raw_rows (id uuid primary key, data jsonb not null, created timestamptz not null default now())");
        return await Timed("raw single-row INSERT", () => async () =>
        {
            await using var command = dataSource.CreateCommand("insert into bench_raw_rows (id, data) values ($1, '{\"amount\": 1000}')");
            command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
            await command.ExecuteNonQueryAsync();
            return 1;
        });
    }

    /// <summary>
    /// A floor of the pipeline: every message ends in at least this append (on an existing stream,
    /// which costs more), so the end-to-end rate cannot exceed it.
    /// </summary>
    private Task<double> StoreAppends() => Timed("event store append", () => () => BenchEvents.AppendOne(store));

    private async Task<double> Timed(string scenario, Func<Func<Task<int>>> subject)
    {
        var cpu = CpuTime.Now();
        var clock = Stopwatch.StartNew();
        var units = await Measurement.Count(Connections, duration, subject);
        var rate = units / clock.Elapsed.TotalSeconds;
        _cpu.Add($"{scenario}: {(CpuTime.Now() - cpu).PerUnit(units)}");
        return rate;
    }

    private async Task<double> WithCpu(string scenario, long units, Func<Task<double>> run)
    {
        var cpu = CpuTime.Now();
        var rate = await run();
        _cpu.Add($"{scenario}: {(CpuTime.Now() - cpu).PerUnit(units)}");
        return rate;
    }

    /// <summary>Both rates from one run: when the relay's checkpoint reached the end of the log, and when the last effect committed.</summary>
    private async Task<(double Relayed, double EndToEnd, CpuTime Cpu)> EndToEnd(bool interleaved, int count, Uri rabbitMq)
    {
        var publisherSchema = $"bench_pub_{DateTime.UtcNow:HHmmssfff}";
        var consumerSchema = $"bench_sub_{DateTime.UtcNow:HHmmssfff}";
        await Seed(publisherSchema, interleaved, count);
        await using var consumer = await KitHost.Start("bench-sub", postgres, consumerSchema, rabbitMq, MessagingServices.Consumer);
        var cpu = CpuTime.Now();
        var clock = Stopwatch.StartNew();
        await using var publisher = await KitHost.Start("bench-pub", postgres, publisherSchema, rabbitMq, MessagingServices.Publisher);
        var deadline = clock.Elapsed + TimeSpan.FromMinutes(10);
        TimeSpan? relayed = null;
        while (await Effects(consumerSchema) < count)
        {
            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"Only {await Effects(consumerSchema)} of {count} messages took effect within 10 minutes.");
            }

            if (relayed is null && await Relayed(publisherSchema))
            {
                relayed = clock.Elapsed;
            }

            await Task.Delay(50);
        }

        return (count / (relayed ?? clock.Elapsed).TotalSeconds, count / clock.Elapsed.TotalSeconds, CpuTime.Now() - cpu);
    }

    /// <summary>The log is read in (tx_id, seq_id) order, so the last event relayed need not be the one with the highest seq_id.</summary>
    private async Task<bool> Relayed(string schema)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select exists (
                select 1 from {schema}.event_progression p
                where p.name = 'outbox-relay'
                  and not exists (select 1 from {schema}.events e where (e.tx_id, e.seq_id) > (p.last_tx_id, p.last_seq_id)))
            """);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The events exist before the relay starts, so what is timed is the path from the log to the consumer's effects.</summary>
    private async Task Seed(string schema, bool interleaved, int count)
    {
        var options = BenchEvents.Options(schema);
        var store = new EventStore(seedSource, options);
        await store.EnsureSchema(CancellationToken.None);
        var grants = Enumerable.Range(0, count / EventsPerStream).Select(_ => Guid.NewGuid()).ToList();
        var appends = interleaved
            ? Enumerable.Range(0, EventsPerStream).SelectMany(v => grants.Select(g => (Grant: g, From: v, Count: 1)))
            : grants.Select(g => (Grant: g, From: 0, Count: EventsPerStream));
        // Rounds in order (each append expects the previous version), streams within a round in parallel.
        foreach (var round in appends.GroupBy(a => a.From))
        {
            await Parallel.ForEachAsync(round, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (append, ct) =>
            {
                var session = store.OpenSession(new EventMetadata(append.Grant, null, "seed", "finance", null, "bench"));
                var events = Enumerable.Range(append.From, append.Count).Select(i => (object)BenchEvents.Next(append.Grant, i));
                if (append.From == 0)
                {
                    session.StartStream(append.Grant, "grant", events);
                }
                else
                {
                    session.Append(append.Grant, append.From, events);
                }

                await session.SaveChanges(ct);
            });
        }
    }

    /// <summary>
    /// Each effect is one version of a grant's payments-seen stream: summing the few stream rows costs
    /// the server nothing, where counting the events scanned the growing table every 50 ms and was
    /// charged to the pipeline's CPU.
    /// </summary>
    private async Task<long> Effects(string schema)
    {
        await using var command = dataSource.CreateCommand($"select coalesce(sum(version), 0)::bigint from {schema}.streams where type = 'payments-seen'");
        try
        {
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (PostgresException e) when (e.SqlState == "42P01")
        {
            return 0;
        }
    }

    private async Task Execute(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
