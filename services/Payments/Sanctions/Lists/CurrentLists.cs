using Grants.EventSourcing;
using Grants.Payments.Sanctions.Matching;
using Npgsql;

namespace Grants.Payments.Sanctions.Lists;

/// <summary>The list versions in force and their names indexed for screening; rebuilt only when a version changes.</summary>
public sealed class CurrentLists(NpgsqlDataSource dataSource, EventStoreOptions options, ListFiles files, SanctionsSettings settings) : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private volatile Snapshot? _current;

    public sealed record Snapshot(IReadOnlyList<string> Versions, NameIndex Index);

    public async Task<Snapshot> Get(CancellationToken ct)
    {
        var versions = await InForce(ct);
        var names = versions.Select(v => v.Version).ToList();
        if (_current is { } cached && cached.Versions.SequenceEqual(names))
        {
            return cached;
        }

        await _building.WaitAsync(ct);
        try
        {
            if (_current is { } built && built.Versions.SequenceEqual(names))
            {
                return built;
            }

            var entries = new List<ListEntry>();
            foreach (var (source, _, hash) in versions)
            {
                entries.AddRange(await files.Entries(source, hash, ct));
            }

            var snapshot = new Snapshot(names, new NameIndex(entries, settings.MatchThreshold));
            _current = snapshot;
            return snapshot;
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>The sources (UN, EU) that have a version in force.</summary>
    public async Task<IReadOnlySet<string>> Sources(CancellationToken ct) => (await InForce(ct)).Select(v => v.Source).ToHashSet();

    private async Task<List<(string Source, string Version, string Hash)>> InForce(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select distinct on (source) source, version, content_hash from {options.Schema}.sanctions_list_versions
            order by source, stream_version desc
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var versions = new List<(string, string, string)>();
        while (await reader.ReadAsync(ct))
        {
            versions.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return versions;
    }

    public void Dispose() => _building.Dispose();
}
