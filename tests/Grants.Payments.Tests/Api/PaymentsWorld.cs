namespace Grants.Payments.Tests.Api;

/// <summary>
/// One Payments database schema and broker virtual host shared by every API test, with a first
/// service instance; tests that need a second instance, or one that stops, start their own on it.
/// </summary>
public sealed class PaymentsWorld : IAsyncLifetime
{
    private TestSchema? _schema;
    private TestVirtualHost? _virtualHost;
    private PaymentsInstance? _first;

    public ShiftedClock Clock { get; } = new();

    public TestScreening Screening { get; } = new();

    public TestSchema Schema => _schema ?? throw new InvalidOperationException("The world is not initialized.");

    public Uri RabbitMq => _virtualHost?.Amqp ?? throw new InvalidOperationException("The world is not initialized.");

    public PaymentsInstance Payments => _first ?? throw new InvalidOperationException("The world is not initialized.");

    public async Task InitializeAsync()
    {
        _schema = await TestPostgres.NewSchema();
        _virtualHost = await TestRabbitMq.NewVirtualHost();
        _first = await Start("first");
    }

    public async Task<PaymentsInstance> Start(string name)
    {
        var instance = new PaymentsInstance(this, name);
        await instance.WaitUntilReady();
        return instance;
    }

    public Task<long> Count(string sql, params object[] parameters) => Schema.Scalar<long>(sql, parameters);

    public async Task DisposeAsync()
    {
        if (_first is not null)
        {
            await _first.DisposeAsync();
        }

        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }

        if (_virtualHost is not null)
        {
            await _virtualHost.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class OnePaymentsWorld : ICollectionFixture<PaymentsWorld>
{
    public const string Name = "payments";
}
