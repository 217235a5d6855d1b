namespace Grants.Demo;

/// <summary>The three services as the scenario reaches them, with how long to wait for a message to cross from one to another.</summary>
public sealed class SystemApi(ServiceApi applications, ServiceApi review, ServiceApi payments, TimeSpan patience)
{
    public ServiceApi Applications => applications;

    public ServiceApi Review => review;

    public ServiceApi Payments => payments;

    public IReadOnlyList<ServiceApi> All => [applications, review, payments];

    /// <summary>
    /// The services talk over RabbitMQ, so the effect of a step in one shows in the next a little later:
    /// asks until <paramref name="arrived"/> holds, or fails naming what it waited for.
    /// </summary>
    public async Task Until(string what, Func<Task<bool>> arrived, CancellationToken ct, TimeSpan? within = null)
    {
        var deadline = DateTimeOffset.UtcNow + (within ?? patience);
        while (!await arrived())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new ScenarioException($"Waited {(within ?? patience).TotalSeconds:0} s for {what}; it did not happen.");
            }

            await Task.Delay(100, ct);
        }
    }
}
