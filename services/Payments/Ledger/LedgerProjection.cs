using Grants.Payments.Batches;
using Grants.Payments.Calls;
using Grants.Payments.Grants;
using Npgsql;

namespace Grants.Payments.Ledger;

/// <summary>Keeps the ledger tables in step with the calls', grants' and batches' events, all of a batch's statements in one round trip.</summary>
internal sealed class LedgerProjection() : TableProjection("ledger", "ledger_calls", "ledger_grants", "ledger_tranches", "ledger_batches")
{
    protected override IEnumerable<NpgsqlBatchCommand> Commands(StoredEvent e, string s) =>
        Statements(e, s).Select(statement => new NpgsqlBatchCommand(statement.Sql).With(statement.Values));

    private static (string Sql, object?[] Values)[] Statements(StoredEvent stored, string s)
    {
        var id = stored.StreamId;
        return stored.Data switch
        {
            CallRulesRecorded e => One($"""
                insert into {s}.ledger_calls (call_id, reference, envelope, currency) values ($1, $2, $3, $4)
                on conflict (call_id) do update set reference = excluded.reference, envelope = excluded.envelope, currency = excluded.currency
                """, [e.CallId, e.Reference, e.Envelope.Amount, e.Envelope.Currency]),
            GrantOpened e =>
            [
                ($"""
                    insert into {s}.ledger_grants (grant_id, application_id, call_id, organisation_id, title, amount, currency, status, opened_at)
                    values ($1, $2, $3, $4, $5, $6, $7, 'open', $8) on conflict (grant_id) do nothing
                    """, [id, e.ApplicationId, e.CallId, e.OrganisationId, e.Title, e.Amount.Amount, e.Amount.Currency, stored.Timestamp]),
                ($"""
                    insert into {s}.ledger_tranches (grant_id, number, currency, status)
                    select $1, n, $2, 'planned' from unnest($3::int[]) n on conflict do nothing
                    """, [id, e.Amount.Currency, e.Plan.Select(p => p.Number).ToArray()]),
            ],
            AgreementSigned => One($"update {s}.ledger_grants set status = 'active' where grant_id = $1 and status = 'open'", [id]),
            TrancheDue e => One($"update {s}.ledger_tranches set status = 'due', amount = $3, pay_by = $4 where grant_id = $1 and number = $2",
                [id, e.Number, e.Amount.Amount, e.PayBy]),
            TrancheWithheld e => Tranche(s, id, e.Number, "withheld"),
            TranchePrepared e => Tranche(s, id, e.Number, "prepared"),
            TrancheApproved e => Tranche(s, id, e.Number, "approved"),
            TrancheBlocked e => Tranche(s, id, e.Number, "blocked"),
            TrancheUnblocked e => Tranche(s, id, e.Number, "due"),
            TrancheBatched e => One($"update {s}.ledger_tranches set status = 'batched', batch_id = $3 where grant_id = $1 and number = $2", [id, e.Number, e.BatchId]),
            TrancheUnbatched e => One($"update {s}.ledger_tranches set status = 'approved', batch_id = null where grant_id = $1 and number = $2", [id, e.Number]),
            TranchePaid e =>
            [
                ($"update {s}.ledger_tranches set status = 'paid' where grant_id = $1 and number = $2", [id, e.Number]),
                ($"update {s}.ledger_grants set paid = paid + $2 where grant_id = $1", [id, e.Amount.Amount]),
            ],
            TranchePaymentLate e => One($"update {s}.ledger_tranches set late = true where grant_id = $1 and number = $2", [id, e.Number]),
            ReportApproved { Kind: Contracts.Reports.ReportKind.Final } => One($"update {s}.ledger_grants set status = 'closing' where grant_id = $1", [id]),
            RecoveryOrdered e => One($"update {s}.ledger_grants set recovered = $2 where grant_id = $1", [id, e.Amount.Amount]),
            GrantFrozen => One($"update {s}.ledger_grants set frozen = true where grant_id = $1", [id]),
            GrantClosed => One($"update {s}.ledger_grants set status = 'closed' where grant_id = $1", [id]),
            PaymentBatchCreated e => One($"""
                insert into {s}.ledger_batches (batch_id, message_id, status, created_at, created_by, total, currency, payments)
                values ($1, $2, 'created', $3, $4, $5, $6, $7) on conflict (batch_id) do nothing
                """, [id, e.MessageId, e.CreatedAt, e.CreatedBy.UserId, e.Payments.Sum(p => p.Amount.Amount), e.Payments.Count > 0 ? e.Payments[0].Amount.Currency : "EUR", e.Payments.Count]),
            PaymentBatchExported => One($"update {s}.ledger_batches set status = 'exported' where batch_id = $1 and status = 'created'", [id]),
            PaymentBatchExecuted e => One($"update {s}.ledger_batches set status = 'executed', bank_reference = $2, executed_on = $3 where batch_id = $1",
                [id, e.BankReference, e.ExecutedOn]),
            PaymentBatchRejected e => One($"update {s}.ledger_batches set status = 'rejected', rejection_reason = $2 where batch_id = $1", [id, e.Reason]),
            _ => [],
        };
    }

    private static (string, object?[])[] One(string sql, object?[] values) => [(sql, values)];

    private static (string, object?[])[] Tranche(string s, Guid id, int number, string status) =>
        One($"update {s}.ledger_tranches set status = '{status}' where grant_id = $1 and number = $2", [id, number]);
}
