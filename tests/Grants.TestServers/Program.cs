using Grants.Testing;
using Grants.TestServers;

// Starts a PostgreSQL server and a RabbitMQ node for a whole test run, publishes where they are in
// an env file (see EnvFile), and stops both and removes the file when told to (see StopSignal).
if (args is not ["--env-file", var envFile])
{
    await Console.Error.WriteLineAsync("usage: Grants.TestServers --env-file PATH");
    return 2;
}

using var stop = new StopSignal();
File.Delete(envFile);
LocalServers servers;
try
{
    servers = await LocalServers.Start(message => Console.WriteLine($"# {message}"), stop.Token);
}
catch (ServerStartException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
catch (OperationCanceledException)
{
    return 0;
}

await using (servers)
{
    var lines = EnvFile.Lines(servers.Postgres.Endpoint, servers.RabbitMq.Endpoint);
    await EnvFile.Write(envFile, lines, CancellationToken.None);
    foreach (var line in lines)
    {
        Console.WriteLine(line);
    }

    await stop.Stopped;
    File.Delete(envFile);
}

return 0;
