using System.Collections.Concurrent;
using Grants.Payments.Sanctions;

namespace Grants.Payments.Tests.Api;

/// <summary>
/// The screening collaborator as the sanctions feature will provide it, reduced to what the money
/// path needs: organisations a test marks as hits are blocked, everyone else is cleared.
/// </summary>
public sealed class TestScreening : IPaymentScreening
{
    public static readonly IReadOnlyList<string> Lists = ["un-consolidated-2026-03-01", "eu-fsf-2026-02-27"];

    private readonly ConcurrentDictionary<Guid, string> _hits = new();

    public void Hit(Guid organisationId, string reason) => _hits[organisationId] = reason;

    public void Clear(Guid organisationId) => _hits.TryRemove(organisationId, out _);

    public Task<ScreeningVerdict> ScreenForPayment(Guid organisationId, CancellationToken cancellationToken) =>
        Task.FromResult(_hits.TryGetValue(organisationId, out var reason)
            ? new ScreeningVerdict(false, reason, Lists)
            : new ScreeningVerdict(true, null, Lists));
}
