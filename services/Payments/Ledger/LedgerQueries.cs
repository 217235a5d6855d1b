using Npgsql;

namespace Grants.Payments.Ledger;

public sealed record GrantSummary(
    Guid Id, Guid ApplicationId, Guid CallId, Guid OrganisationId, string Title, Money Amount, Money Paid, Money Recovered, string Status, bool Frozen);

/// <param name="Committed">Awarded to grants still open, plus what closed grants finally cost (paid less recovered).</param>
/// <param name="Remaining">The envelope less what is committed: what could still be awarded.</param>
public sealed record CallLedger(Guid CallId, string Reference, Money Envelope, Money Committed, Money Paid, Money Recovered, Money Remaining, int Grants);

public sealed record TrancheSummary(Guid GrantId, int Number, Money? Amount, string Status, DateOnly? PayBy, bool Late, Guid? BatchId);

public sealed record BatchSummary(
    Guid Id, string MessageId, string Status, DateTimeOffset CreatedAt, string CreatedBy, Money Total, int Payments,
    string? BankReference, DateOnly? ExecutedOn, string? RejectionReason);

/// <summary>Reads of the ledger tables, for lists and totals an aggregate cannot answer alone.</summary>
public sealed class LedgerQueries(NpgsqlDataSource dataSource, EventStoreOptions options)
{
    private string S => options.Schema;

    public async Task<Paged<GrantSummary>> Grants(Guid? callId, Guid? organisationId, PageRequest page, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            select grant_id, application_id, call_id, organisation_id, title, amount, currency, paid, recovered, status, frozen, count(*) over ()
            from {S}.ledger_grants
            where ($1::uuid is null or call_id = $1) and ($2::uuid is null or organisation_id = $2)
            order by opened_at, grant_id
            offset $3 limit $4
            """);
        command.With(callId, organisationId, page.Offset, page.PageSize);
        var items = new List<GrantSummary>();
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var currency = reader.GetString(6);
            items.Add(new GrantSummary(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(3), reader.GetString(4), new Money(reader.GetDecimal(5), currency),
                new Money(reader.GetDecimal(7), currency), new Money(reader.GetDecimal(8), currency), reader.GetString(9), reader.GetBoolean(10)));
            total = reader.GetInt64(11);
        }

        return page.Of(items, total);
    }

    public async Task<CallLedger?> Call(Guid callId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            select c.reference, c.envelope, c.currency,
                   coalesce(sum(case when g.status = 'closed' then g.paid - g.recovered else g.amount end), 0),
                   coalesce(sum(g.paid), 0), coalesce(sum(g.recovered), 0), count(g.grant_id)::int
            from {S}.ledger_calls c left join {S}.ledger_grants g on g.call_id = c.call_id
            where c.call_id = $1
            group by c.call_id
            """);
        command.With(callId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var currency = reader.GetString(2);
        Money M(decimal amount) => new(amount, currency);
        var envelope = reader.GetDecimal(1);
        var committed = reader.GetDecimal(3);
        return new CallLedger(
            callId, reader.GetString(0), M(envelope), M(committed), M(reader.GetDecimal(4)), M(reader.GetDecimal(5)), M(envelope - committed), reader.GetInt32(6));
    }

    /// <summary>Tranches in any of the statuses (due, approved...), late or not, oldest deadline first: finance's work lists.</summary>
    public async Task<Paged<TrancheSummary>> Tranches(IReadOnlyList<string>? statuses, bool? late, PageRequest page, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            select grant_id, number, amount, currency, status, pay_by, late, batch_id, count(*) over ()
            from {S}.ledger_tranches
            where ($1::text[] is null or status = any($1)) and ($2::boolean is null or late = $2)
            order by pay_by nulls last, grant_id, number
            offset $3 limit $4
            """);
        command.With(statuses?.ToArray(), late, page.Offset, page.PageSize);
        var items = new List<TrancheSummary>();
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            items.Add(new TrancheSummary(
                reader.GetGuid(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : new Money(reader.GetDecimal(2), reader.GetString(3)),
                reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5), reader.GetBoolean(6),
                reader.IsDBNull(7) ? null : reader.GetGuid(7)));
            total = reader.GetInt64(8);
        }

        return page.Of(items, total);
    }

    /// <summary>Payment batches in any of the statuses, newest first: what finance sent or still has to send to the bank.</summary>
    public async Task<Paged<BatchSummary>> Batches(IReadOnlyList<string>? statuses, PageRequest page, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            select batch_id, message_id, status, created_at, created_by, total, currency, payments, bank_reference, executed_on, rejection_reason, count(*) over ()
            from {S}.ledger_batches
            where ($1::text[] is null or status = any($1))
            order by created_at desc, batch_id
            offset $2 limit $3
            """);
        command.With(statuses?.ToArray(), page.Offset, page.PageSize);
        var items = new List<BatchSummary>();
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            items.Add(new BatchSummary(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4),
                new Money(reader.GetDecimal(5), reader.GetString(6)), reader.GetInt32(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9), reader.IsDBNull(10) ? null : reader.GetString(10)));
            total = reader.GetInt64(11);
        }

        return page.Of(items, total);
    }

    /// <summary>Approved tranches in no batch: what the next batch gathers.</summary>
    public async Task<IReadOnlyList<(Guid GrantId, int Number)>> Approved(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"select grant_id, number from {S}.ledger_tranches where status = 'approved' order by grant_id, number");
        var found = new List<(Guid, int)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add((reader.GetGuid(0), reader.GetInt32(1)));
        }

        return found;
    }

    /// <summary>The organisation's grants not yet closed: what a confirmed sanctions hit freezes.</summary>
    public async Task<IReadOnlyList<Guid>> Unclosed(Guid organisationId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"select grant_id from {S}.ledger_grants where organisation_id = $1 and status <> 'closed' order by grant_id");
        command.With(organisationId);
        var found = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add(reader.GetGuid(0));
        }

        return found;
    }
}
