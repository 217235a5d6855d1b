using Grants.Testing;
using Variables = Grants.Testing.TestServers;

namespace Grants.TestServers;

// The variables Grants.Testing.TestServers reads, as a file a POSIX shell can source (`set -a; . FILE`).
internal static class EnvFile
{
    public static IReadOnlyList<string> Lines(PostgresEndpoint postgres, RabbitMqEndpoint rabbitMq) =>
    [
        $"{Variables.PostgresVariable}={Quote(postgres.ConnectionString)}",
        $"{Variables.RabbitMqVariable}={Quote(rabbitMq.Amqp.ToString())}",
        $"{Variables.RabbitMqManagementVariable}={Quote(rabbitMq.Management.ToString())}",
    ];

    // Written beside the target and renamed onto it, so a reader waiting for the file never sees half of it.
    public static async Task Write(string path, IEnumerable<string> lines, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        await File.WriteAllLinesAsync(temporary, lines, cancellationToken);
        File.Move(temporary, full, overwrite: true);
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
