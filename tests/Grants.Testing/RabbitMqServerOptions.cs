namespace Grants.Testing;

public sealed record RabbitMqServerOptions
{
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
