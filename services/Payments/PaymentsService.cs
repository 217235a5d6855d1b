using Grants.Contracts.Applications;
using Grants.Contracts.Calls;
using Grants.Contracts.Funding;
using Grants.Contracts.Organisations;
using Grants.Contracts.Reports;
using Grants.Hosting.Messaging;
using Grants.Hosting.Scheduling;
using Grants.Hosting.Security;
using Grants.Payments.Batches;
using Grants.Payments.Calls;
using Grants.Payments.Grants;
using Grants.Payments.Ledger;
using Grants.Payments.Organisations;
using Grants.Payments.Sanctions;

namespace Grants.Payments;

public static class PaymentsService
{
    /// <summary>The service's event types, what it consumes and publishes, its read tables and its schedule.</summary>
    public static WebApplicationBuilder AddPayments(this WebApplicationBuilder builder)
    {
        builder.AddGrantsService("payments", service =>
        {
            RegisterEvents(service.Store.Types);
            service.Audit.State<Grant>(GrantStream.Type).State<PaymentBatch>("payment-batch").State<PaymentCall>("call").State<Payee>("payee");
            service.Store.InlineProjections.Add(new LedgerProjection());
            service.Messaging
                .Consume<CallOpenedConsumer, CallOpened>()
                .Consume<BankAccountRegisteredConsumer, OrganisationRegistered>()
                .Consume<BankAccountUpdatedConsumer, OrganisationUpdated>()
                .Consume<ProjectSubmittedConsumer, ApplicationSubmitted>()
                .Consume<FundingDecidedConsumer, FundingDecided>()
                .Consume<GrantAgreementSignedConsumer, GrantAgreementSigned>()
                .Consume<ReportAssessedConsumer, ReportAssessed>()
                .Consume<ReportOverdueConsumer, ReportOverdue>();
            service.Messaging.PublishContracts();
            service.AddSanctions();
        });

        var services = builder.Services;
        services.AddSingleton(LedgerTables.Migrations);
        services.AddSingleton<LedgerQueries>();
        services.AddSingleton<IHitEscalation, FreezeOnConfirmedHit>();
        services.AddSingleton<DebtorSettings>();
        services.AddScheduledCommand<TrancheDeadlinePassed, LateTranches>(LateTranches.CommandName);
        services.AddEventSchedule("tranche-deadlines", LateTranches.Changes, typeof(TrancheDue), typeof(TranchePaid), typeof(TrancheWithheld));
        return builder;
    }

    public static WebApplication MapPayments(this WebApplication app)
    {
        app.MapGrants();
        app.MapTranches();
        app.MapLedger();
        app.MapPaymentBatches();
        return app;
    }

    private static void RegisterEvents(EventTypes types) => types
        .Register<CallRulesRecorded>("payments.call_rules_recorded")
        .Register<BankAccountRecorded>("payments.bank_account_recorded")
        .Register<ProjectRecorded>("payments.project_recorded")
        .Register<AwardRecorded>("payments.award_recorded")
        .Register<Grants.GrantOpened>("payments.grant_opened")
        .Register<AgreementSigned>("payments.agreement_signed")
        .Register<Grants.TrancheDue>("payments.tranche_due")
        .Register<TrancheWithheld>("payments.tranche_withheld")
        .Register<TranchePrepared>("payments.tranche_prepared")
        .Register<TrancheApproved>("payments.tranche_approved")
        .Register<TrancheBlocked>("payments.tranche_blocked")
        .Register<TrancheUnblocked>("payments.tranche_unblocked")
        .Register<TrancheBatched>("payments.tranche_batched")
        .Register<TrancheUnbatched>("payments.tranche_unbatched")
        .Register<TranchePaid>("payments.tranche_paid")
        .Register<TranchePaymentLate>("payments.tranche_payment_late")
        .Register<ReportOverdueRecorded>("payments.report_overdue_recorded")
        .Register<ReportApproved>("payments.report_approved")
        .Register<Grants.RecoveryOrdered>("payments.recovery_ordered")
        .Register<Grants.GrantClosed>("payments.grant_closed")
        .Register<Grants.GrantFrozen>("payments.grant_frozen")
        .Register<PaymentBatchCreated>("payments.batch_created")
        .Register<PaymentBatchExported>("payments.batch_exported")
        .Register<PaymentBatchExecuted>("payments.batch_executed")
        .Register<PaymentBatchRejected>("payments.batch_rejected");
}
