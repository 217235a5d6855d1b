using Grants.Hosting.Messaging;
using Grants.Payments.Grants;
using Contract = Grants.Contracts;

namespace Grants.Payments;

/// <summary>The domain events that leave the service, and the contracts they leave as (DESIGN 4).</summary>
internal static class PublishedContracts
{
    // The application id threads the lifecycle across services, so it is every contract's correlation.
    public static GrantsMessaging PublishContracts(this GrantsMessaging messaging) => messaging
        .Publish<Grants.GrantOpened, Contract.Ledger.GrantOpened>((e, _) => new()
        {
            CorrelationId = e.ApplicationId,
            GrantId = e.GrantId,
            ApplicationId = e.ApplicationId,
            CallId = e.CallId,
            OrganisationId = e.OrganisationId,
            Amount = e.Amount,
            Tranches = e.Plan,
        })
        .Publish<Grants.TrancheDue, Contract.Payments.TrancheDue>((e, stored) => new()
        {
            CorrelationId = e.ApplicationId,
            GrantId = stored.StreamId,
            ApplicationId = e.ApplicationId,
            TrancheNumber = e.Number,
            Amount = e.Amount,
            PayBy = e.PayBy,
        })
        .Publish<TrancheBlocked, Contract.Payments.PaymentBlocked>((e, stored) => new()
        {
            CorrelationId = e.ApplicationId,
            GrantId = stored.StreamId,
            ApplicationId = e.ApplicationId,
            TrancheNumber = e.Number,
            ReasonCode = e.ReasonCode,
            Reason = e.Reason,
            ListVersions = e.ListVersions,
        })
        .Publish<TranchePaid, Contract.Payments.PaymentExecuted>((e, stored) => new()
        {
            CorrelationId = e.ApplicationId,
            GrantId = stored.StreamId,
            ApplicationId = e.ApplicationId,
            TrancheNumber = e.Number,
            Amount = e.Amount,
            ExecutedOn = e.ExecutedOn,
            EndToEndId = e.EndToEndId,
            BankReference = e.BankReference,
        })
        .Publish<Grants.RecoveryOrdered, Contract.Payments.RecoveryOrdered>((e, stored) => new()
        {
            CorrelationId = e.ApplicationId,
            GrantId = stored.StreamId,
            ApplicationId = e.ApplicationId,
            Amount = e.Amount,
            Reason = e.Reason,
        })
        .Publish<Grants.GrantFrozen, Contract.Payments.GrantFrozen>((e, stored) => new()
        {
            CorrelationId = e.ApplicationId,
            GrantId = stored.StreamId,
            ApplicationId = e.ApplicationId,
            OrganisationId = e.OrganisationId,
            HitId = e.HitId,
            Reason = e.Reason,
            FrozenAt = e.FrozenAt,
        })
        .Publish<Sanctions.Screening.SanctionsHitConfirmed, Contract.Sanctions.SanctionsHitConfirmed>((e, _) => new()
        {
            CorrelationId = e.OrganisationId,
            OrganisationId = e.OrganisationId,
            HitId = e.HitId,
            ScreenedName = e.ScreenedName,
            Source = e.Source,
            Reference = e.Reference,
            Justification = e.Justification,
            DecidedBy = new Actor(e.DecidedBy, Hosting.Security.GrantsRoles.Finance),
            DecidedAt = e.DecidedAt,
        })
        .Publish<Grants.GrantClosed, Contract.Ledger.GrantClosed>((e, stored) => new()
        {
            CorrelationId = e.ApplicationId,
            GrantId = stored.StreamId,
            ApplicationId = e.ApplicationId,
            TotalPaid = e.TotalPaid,
            Recovered = e.Recovered,
            ClosedAt = e.ClosedAt,
        });
}
