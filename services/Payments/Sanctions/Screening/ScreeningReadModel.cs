using Grants.EventSourcing;
using Grants.Payments.Sanctions.Lists;
using NpgsqlTypes;

namespace Grants.Payments.Sanctions.Screening;

/// <summary>
/// Inline, so an import or a decision is visible to the next request: list versions, screened
/// organisations and hits. Undecided hits that a new screening no longer finds are removed;
/// decided ones stay as the record of the decision.
/// </summary>
public sealed class ScreeningReadModel : IProjection
{
    public string Name => "sanctions-read-model";

    public async Task Apply(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct)
    {
        foreach (var stored in events)
        {
            switch (stored.Data)
            {
                case SanctionsListImported e:
                    await Execute(context, $"""
                        insert into {context.Schema}.sanctions_list_versions
                            (version, source, content_hash, published_at, entry_count, origin, imported_by, imported_at, stream_version)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (version) do nothing
                        """, ct, e.Version, e.Source, e.ContentHash, e.PublishedAt, e.EntryCount, e.Origin, e.ImportedBy, e.ImportedAt, stored.Version);
                    break;
                case ScreeningSubjectRecorded e:
                    await Execute(context, $"""
                        insert into {context.Schema}.sanctions_subjects (organisation_id, legal_name) values ($1, $2)
                        on conflict (organisation_id) do update set legal_name = excluded.legal_name
                        """, ct, e.OrganisationId, e.LegalName);
                    break;
                case OrganisationScreened e:
                    await Screened(context, e, ct);
                    break;
                case SanctionsHitDismissed e:
                    await Decided(context, e.HitId, HitStatus.FalsePositive, e.DecidedBy, e.DecidedAt, e.Justification, ct);
                    break;
                case SanctionsHitConfirmed e:
                    await Decided(context, e.HitId, HitStatus.Confirmed, e.DecidedBy, e.DecidedAt, e.Justification, ct);
                    break;
            }
        }
    }

    public async Task Reset(ProjectionContext context, CancellationToken ct) =>
        await Execute(context, $"truncate {context.Schema}.sanctions_list_versions, {context.Schema}.sanctions_subjects, {context.Schema}.sanctions_hits", ct);

    private static async Task Screened(ProjectionContext context, OrganisationScreened e, CancellationToken ct)
    {
        var versions = e.ListVersions.ToArray();
        await Execute(context, $"""
            update {context.Schema}.sanctions_subjects set cleared = $2, list_versions = $3, screened_at = $4 where organisation_id = $1
            """, ct, e.OrganisationId, e.Cleared, versions, e.ScreenedAt);
        await Execute(context, $"""
            delete from {context.Schema}.sanctions_hits where organisation_id = $1 and status = '{HitStatus.Undecided}' and not (hit_id = any($2))
            """, ct, e.OrganisationId, e.Hits.Select(h => h.HitId).ToArray());
        foreach (var hit in e.Hits)
        {
            await Execute(context, $"""
                insert into {context.Schema}.sanctions_hits
                    (hit_id, organisation_id, screened_name, role, source, entry_id, reference, listed_name, score, status, list_versions, found_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                on conflict (hit_id) do update set score = excluded.score, list_versions = excluded.list_versions, role = excluded.role
                """, ct, hit.HitId, e.OrganisationId, hit.ScreenedName, hit.Role, hit.Source, hit.EntryId, hit.Reference, hit.ListedName, hit.Score,
                hit.Status, versions, e.ScreenedAt);
        }
    }

    private static Task Decided(
        ProjectionContext context, Guid hitId, string status, string by, DateTimeOffset at, string justification, CancellationToken ct) =>
        Execute(context, $"""
            update {context.Schema}.sanctions_hits set status = $2, decided_by = $3, decided_at = $4, justification = $5 where hit_id = $1
            """, ct, hitId, status, by, at, justification);

    private static async Task Execute(ProjectionContext context, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var command = context.Command(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(value is string[] texts
                ? new() { Value = texts, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text }
                : new() { Value = value });
        }

        await command.ExecuteNonQueryAsync(ct);
    }
}
