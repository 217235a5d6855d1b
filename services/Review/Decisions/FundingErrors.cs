using System.Globalization;

namespace Grants.Review.Decisions;

internal static class FundingErrors
{
    public static DomainException RankingNotReady() =>
        new("ranking.not_ready", "The call must be closed and every application's review complete or cancelled first.");

    public static DomainException EnvelopeExceeded(Money envelope, decimal total) =>
        new("decision.envelope_exceeded", string.Create(CultureInfo.InvariantCulture,
            $"Awards would total {total} {envelope.Currency}, more than the call's envelope of {envelope.Amount} {envelope.Currency}."));
}
