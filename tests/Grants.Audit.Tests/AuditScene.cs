extern alias cli;

using System.Net.Http.Headers;
using cli::Grants.Cli;
using Grants.Hosting;
using Grants.Hosting.Messaging;
using Grants.Hosting.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grants.Audit.Tests;

/// <summary>
/// A service built with the kit, on its own schema and virtual host, holding test-only dossier streams
/// with an inline read model; the audit endpoints are there because the kit maps them. Event times come
/// from a clock the test moves.
/// </summary>
public class AuditScene : IAsyncLifetime
{
    private readonly bool _clockedProjection;
    private readonly bool _asyncReadModel;
    private readonly DossierTitles _titles = new();
    private TestSchema? _schema;
    private TestVirtualHost? _virtualHost;
    private KitHost? _host;

    public AuditScene()
        : this("audit-test")
    {
    }

    internal AuditScene(string service, bool clockedProjection = false, bool asyncReadModel = false)
    {
        Service = service;
        _clockedProjection = clockedProjection;
        _asyncReadModel = asyncReadModel;
    }

    public string Service { get; }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public EventStore Store => Host.Store;

    public string Schema => _schema!.Name;

    private KitHost Host => _host ?? throw new InvalidOperationException("The scene is not started.");

    public async Task InitializeAsync()
    {
        _schema = await TestPostgres.NewSchema();
        _virtualHost = await TestRabbitMq.NewVirtualHost();
        _host = await KitHost.Start(Service, _schema, _virtualHost.Amqp, service =>
        {
            Dossier.Register(service.Store);
            service.Store.InlineProjections.Add(new DossierList());
            if (_clockedProjection)
            {
                service.Store.InlineProjections.Add(new ClockedList());
            }

            service.Audit.State<Dossier>("dossier");
            if (_asyncReadModel)
            {
                service.Audit.Replay(_titles);
            }
        }, services =>
        {
            if (_asyncReadModel)
            {
                services.AddSingleton(DossierTitles.Migrations);
                services.AddSingleton<IHostedService>(sp => new SubscriptionWorker(
                    new Subscription(sp.GetRequiredService<EventStore>(), _titles),
                    sp.GetRequiredService<SchemaReadiness>(),
                    sp.GetRequiredService<ILogger<SubscriptionWorker>>()));
            }

            services.AddSingleton(DossierList.Migrations);
            if (_clockedProjection)
            {
                services.AddSingleton(ClockedList.Migrations);
            }

            services.AddSingleton<TimeProvider>(Clock);
        });
        var addresses = Host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        Address = new Uri(addresses.Addresses.First());
    }

    public HttpClient Client(string? role = GrantsRoles.Auditor)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role));
        }

        return client;
    }

    /// <summary>Appends as a user in a role would, with the correlation and causation given.</summary>
    public async Task<IReadOnlyList<StoredEvent>> Append(
        Guid streamId, long expectedVersion, EventMetadata metadata, params object[] events)
    {
        var session = Store.OpenSession(metadata);
        if (expectedVersion == 0)
        {
            session.StartStream(streamId, "dossier", events);
        }
        else
        {
            session.Append(streamId, expectedVersion, events);
        }

        return await session.SaveChanges(CancellationToken.None);
    }

    public async Task<int> Execute(string sql, params object[] parameters)
    {
        await using var command = _schema!.DataSource.CreateCommand(sql.Replace("{s}", Schema, StringComparison.Ordinal)).With(parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<long> Count(string sql, params object[] parameters)
    {
        await using var command = _schema!.DataSource.CreateCommand(sql.Replace("{s}", Schema, StringComparison.Ordinal)).With(parameters);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs <c>grants audit ...</c> in this process against this service, with a key the service trusts.</summary>
    public Task<(int Exit, string Output, string Error)> Cli(params string[] args) => CliOver([this], args);

    /// <summary>Runs <c>grants audit ...</c> in this process against several services, as <c>./grants audit</c> does against three.</summary>
    public static async Task<(int Exit, string Output, string Error)> CliOver(IReadOnlyList<AuditScene> scenes, params string[] args)
    {
        var keyFile = Path.Combine(Path.GetTempPath(), $"grants-audit-key-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(keyFile, TestTokens.Key.Key.Rsa.ExportPkcs8PrivateKeyPem());
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await GrantsCli.RunAsync(
                ["audit", .. args, .. scenes.SelectMany(s => new[] { "--service", $"{s.Service}={s.Address}" }),
                    "--key", keyFile, "--issuer", TestTokens.Issuer, "--audience", TestTokens.Audience],
                output, error, Path.GetTempPath());
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_schema is not null)
        {
            // The replay schema is named after the service's and outlives a replay on purpose.
            await Execute("drop schema if exists {s}_replay cascade");
            await _schema.DisposeAsync();
        }

        if (_virtualHost is not null)
        {
            await _virtualHost.DisposeAsync();
        }
    }
}
