using Grants.EventSourcing;
using Npgsql;

namespace Grants.Payments.Sanctions.Lists;

/// <summary>List files and their entries, kept by content hash; storing the same file twice is a no-op.</summary>
public sealed class ListFiles(NpgsqlDataSource dataSource, EventStoreOptions options)
{
    private string Schema => options.Schema;

    public async Task Save(ListFile file, byte[] content, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var insert = new NpgsqlCommand(
            $"insert into {Schema}.sanctions_list_files (content_hash, source, published_at, content) values ($1, $2, $3, $4) on conflict do nothing",
            connection,
            tx))
        {
            insert.Parameters.Add(new() { Value = file.ContentHash });
            insert.Parameters.Add(new() { Value = file.Source });
            insert.Parameters.Add(new() { Value = file.PublishedAt });
            insert.Parameters.Add(new() { Value = content });
            if (await insert.ExecuteNonQueryAsync(ct) == 0)
            {
                return;
            }
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            $"copy {Schema}.sanctions_entries (content_hash, entry_id, kind, reference, names, fingerprint) from stdin (format binary)", ct))
        {
            foreach (var entry in file.Entries.DistinctBy(e => e.EntryId))
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(file.ContentHash, ct);
                await writer.WriteAsync(entry.EntryId, ct);
                await writer.WriteAsync(entry.Kind, ct);
                await writer.WriteAsync(entry.Reference, ct);
                await writer.WriteAsync(entry.Names.ToArray(), ct);
                await writer.WriteAsync(entry.Fingerprint, ct);
            }

            await writer.CompleteAsync(ct);
        }

        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<ListEntry>> Entries(string source, string contentHash, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"select entry_id, kind, reference, names, fingerprint from {Schema}.sanctions_entries where content_hash = $1");
        command.Parameters.Add(new() { Value = contentHash });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var entries = new List<ListEntry>();
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new ListEntry(source, reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<string[]>(3), reader.GetString(4)));
        }

        return entries;
    }
}
