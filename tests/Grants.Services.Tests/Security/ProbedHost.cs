extern alias applications;

namespace Grants.Services.Tests.Security;

/// <summary>One Applications service with the <see cref="PolicyProbe"/> endpoints, shared by a test class.</summary>
public sealed class ProbedHost : IAsyncLifetime
{
    private ServiceHost<applications::Program>? _host;

    public ServiceHost<applications::Program> Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await ServiceHost.Start<applications::Program>(configure: PolicyProbe.Install);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
