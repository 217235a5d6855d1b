using Microsoft.Extensions.DependencyInjection;

namespace Grants.Testing;

public static class GrantsSystem
{
    /// <summary>Starts the hosts one after the other; if one fails, those already started are stopped.</summary>
    /// <param name="newSchema">A fresh schema for each host.</param>
    /// <param name="portalServices">Additions to the portal's container, if any.</param>
    public static async Task<GrantsSystem<TApplications, TReview, TPayments, TPortal>> Start<TApplications, TReview, TPayments, TPortal>(
        Func<Task<TestSchema>> newSchema, Uri rabbitMq, Action<IServiceCollection>? portalServices = null)
        where TApplications : class
        where TReview : class
        where TPayments : class
        where TPortal : class
    {
        var system = new GrantsSystem<TApplications, TReview, TPayments, TPortal>();
        try
        {
            await system.Start(newSchema, rabbitMq, portalServices);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }
}

/// <summary>
/// The whole system in this process: the three services and the portal on Kestrel ports, each on its
/// own schema, talking over one virtual host; the portal signs its API tokens with the private half of
/// the key whose public half the services trust. The entry points come in as type parameters, so the
/// portal's browser tests and the bench boot the same system without this kit referencing the services.
/// </summary>
public sealed class GrantsSystem<TApplications, TReview, TPayments, TPortal> : IAsyncDisposable
    where TApplications : class
    where TReview : class
    where TPayments : class
    where TPortal : class
{
    private readonly List<IAsyncDisposable> _hosts = [];
    private readonly string _keyFile = Path.Combine(Path.GetTempPath(), $"grants-portal-key-{Guid.NewGuid():N}.pem");

    internal GrantsSystem()
    {
    }

    public ServiceFactory<TApplications> Applications { get; private set; } = null!;

    public ServiceFactory<TReview> Review { get; private set; } = null!;

    public ServiceFactory<TPayments> Payments { get; private set; } = null!;

    public ServiceFactory<TPortal> Portal { get; private set; } = null!;

    internal async Task Start(Func<Task<TestSchema>> newSchema, Uri rabbitMq, Action<IServiceCollection>? portalServices = null)
    {
        var none = new Dictionary<string, string?>();
        Applications = await Run(new ServiceFactory<TApplications>(await newSchema(), rabbitMq, none));
        Review = await Run(new ServiceFactory<TReview>(await newSchema(), rabbitMq, none));
        Payments = await Run(new ServiceFactory<TPayments>(await newSchema(), rabbitMq, none));
        await File.WriteAllTextAsync(_keyFile, TestTokens.Key.Key.Rsa.ExportPkcs8PrivateKeyPem());
        Portal = await Run(new ServiceFactory<TPortal>(await newSchema(), rabbitMq, new Dictionary<string, string?>
        {
            ["Auth:SigningKeyFile"] = _keyFile,
            ["Services:Applications"] = Applications.Address.ToString(),
            ["Services:Review"] = Review.Address.ToString(),
            ["Services:Payments"] = Payments.Address.ToString(),
        }, portalServices));
    }

    private async Task<ServiceFactory<T>> Run<T>(ServiceFactory<T> factory)
        where T : class
    {
        _hosts.Add(factory);
        return await factory.Run();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.DisposeAsync();
        }

        File.Delete(_keyFile);
    }
}
