using System.Globalization;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Grants.Testing;

// A throwaway RabbitMQ node with the management plugin: config, database, logs and Erlang cookie
// in a temp directory, every listener (AMQP, management, Erlang distribution, epmd) on a free
// loopback port, so several nodes run side by side and none meets the system-wide one. It runs its
// own epmd in the foreground, because an epmd the Erlang VM starts by itself daemonizes and so would
// outlive the node.
public sealed class RabbitMqServer : IAsyncDisposable
{
    private const string User = "guest";

    // The node and its data are thrown away: a clean stop (SIGTERM) would take some 6 s, mostly the
    // management plugin winding down, and save nothing.
    private const string StopSignal = "KILL";

    private const string Launch = """
        epmd=$1 server=$2
        "$epmd" -port "$ERL_EPMD_PORT" &
        tries=0
        until "$epmd" -port "$ERL_EPMD_PORT" -names >/dev/null 2>&1; do
          tries=$((tries + 1))
          if [ "$tries" -ge 100 ]; then echo "epmd did not start on port $ERL_EPMD_PORT" >&2; exit 1; fi
          sleep 0.1
        done
        exec "$server"
        """;

    private readonly LocalServer _server;
    private readonly RabbitMqBinaries _binaries;
    private readonly NodePorts _ports;

    private RabbitMqServer(LocalServer server, RabbitMqEndpoint endpoint, RabbitMqBinaries binaries, NodePorts ports)
    {
        _server = server;
        Endpoint = endpoint;
        _binaries = binaries;
        _ports = ports;
    }

    public RabbitMqEndpoint Endpoint { get; }

    public string Directory => _server.Directory;

    public static async Task<RabbitMqServer> Start(RabbitMqServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RabbitMqServerOptions();
        var binaries = RabbitMqBinaries.Find();
        return await LocalServer.StartWithRetries(() => LocalServer.Prepare("RabbitMQ", "", options.StopTimeout, async server =>
        {
            var ports = new NodePorts(FreePorts.Next(), FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
            await File.WriteAllTextAsync(Path.Combine(server.Directory, "rabbitmq.conf"), Config(ports), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(server.Directory, "enabled_plugins"), "[rabbitmq_management].\n", cancellationToken);
            server.Start(
                StopSignal,
                ["sh", "-c", Launch, "grants-rabbitmq", binaries.Epmd, binaries.Server],
                NodeEnvironment(server.Directory, ports));
            var endpoint = RabbitMqEndpoint.Local(ports.Amqp, ports.Management, User, User);
            using var management = new RabbitMqManagement(endpoint, TimeSpan.FromSeconds(2));
            await server.WaitUntilReady(ct => Probe(endpoint, management, ct), TimeSpan.FromMilliseconds(200), options.StartTimeout, cancellationToken);
            return new RabbitMqServer(server, endpoint, binaries, ports);
        }));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>Stops the broker as an outage would: every connection drops, listeners close; the node keeps its queues.</summary>
    public Task StopBroker(CancellationToken cancellationToken = default) => Control("stop_app", cancellationToken);

    /// <summary>Starts the broker again after <see cref="StopBroker"/> and waits until AMQP answers.</summary>
    public async Task StartBroker(CancellationToken cancellationToken = default)
    {
        await Control("start_app", cancellationToken);
        using var management = new RabbitMqManagement(Endpoint, TimeSpan.FromSeconds(2));
        await _server.WaitUntilReady(ct => Probe(Endpoint, management, ct), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(60), cancellationToken);
    }

    private async Task Control(string command, CancellationToken cancellationToken)
    {
        var environment = NodeEnvironment(_server.Directory, _ports);
        // rabbitmqctl takes a distribution port of its own: any free one, not the fixed default range.
        environment["RABBITMQ_CTL_DIST_PORT_MIN"] = "0";
        environment["RABBITMQ_CTL_DIST_PORT_MAX"] = "0";
        var result = await ExternalCommand.Run(_binaries.Ctl, ["-n", $"grants-test-{_ports.Amqp}@localhost", command], cancellationToken, environment);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"rabbitmqctl {command} failed ({result.ExitCode}): {result.Output}");
        }
    }

    private static string Config(NodePorts ports) => $"""
        listeners.tcp.default = 127.0.0.1:{ports.Amqp}
        management.tcp.ip = 127.0.0.1
        management.tcp.port = {ports.Management}

        """;

    // Inherited RABBITMQ_* and ERL_* settings are dropped so that only this node's apply;
    // RABBITMQ_CONF_ENV_FILE points at a file that does not exist, so /etc/rabbitmq is not read.
    private static Dictionary<string, string?> NodeEnvironment(string directory, NodePorts ports)
    {
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("RABBITMQ_", StringComparison.Ordinal) || name.StartsWith("ERL_", StringComparison.Ordinal))
            .ToDictionary(name => name, _ => (string?)null);
        environment["HOME"] = directory;
        environment["RABBITMQ_NODENAME"] = $"grants-test-{ports.Amqp}@localhost";
        environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia");
        environment["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log");
        environment["RABBITMQ_LOGS"] = "-";
        environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq.conf");
        environment["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(directory, "advanced.config");
        environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins");
        environment["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(directory, "rabbitmq-env.conf");
        environment["RABBITMQ_DIST_PORT"] = ports.Distribution.ToString(CultureInfo.InvariantCulture);
        environment["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}";
        environment["ERL_EPMD_PORT"] = ports.Epmd.ToString(CultureInfo.InvariantCulture);
        environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        return environment;
    }

    // Null when both the management API and AMQP answer, else what did not.
    private static async Task<string?> Probe(RabbitMqEndpoint endpoint, RabbitMqManagement management, CancellationToken cancellationToken)
    {
        try
        {
            await management.Overview(cancellationToken);
            var factory = new ConnectionFactory { Uri = endpoint.Amqp, RequestedConnectionTimeout = TimeSpan.FromSeconds(2) };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            return null;
        }
        catch (HttpRequestException e)
        {
            return $"management API: {e.Message}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "management API: no answer within 2 s";
        }
        catch (BrokerUnreachableException e)
        {
            return $"AMQP: {e.InnerException?.Message ?? e.Message}";
        }
    }

    private sealed record NodePorts(int Amqp, int Management, int Distribution, int Epmd);
}
