using Grants.EventSourcing;
using Grants.Hosting.Http;
using Grants.Hosting.Security;
using Npgsql;

namespace Grants.Payments.Sanctions.Lists;

public sealed record ListVersionView(
    string Version, string Source, string ContentHash, DateTimeOffset PublishedAt, int EntryCount, string Origin, string ImportedBy, DateTimeOffset ImportedAt);

/// <summary>Finance imports a list file (the UN or EU XML as the request body) or refreshes the configured sources; everyone screening reads the versions.</summary>
public static class ListEndpoints
{
    public static void MapSanctionsLists(this IEndpointRouteBuilder endpoints, SanctionsSettings settings)
    {
        var lists = endpoints.MapGroup("/sanctions/lists").WithTags("Sanctions");
        lists.MapPost("", Import).RequireAuthorization(GrantsPolicies.Finance).WithMaxBodySize(settings.MaxListBytes);
        lists.MapPost("/refresh", Refresh).RequireAuthorization(GrantsPolicies.Finance);
        lists.MapGet("", Versions).RequireAuthorization(GrantsPolicies.Staff);
    }

    /// <summary>201 with the new version; 200 with the version in force when the file is the one already imported.</summary>
    private static async Task<IResult> Import(HttpContext context, ListImport import, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, ct);
        new Validation().Must(body.Length > 0, "body", "must be the XML of a UN Consolidated List or an EU Financial Sanctions File.").ThrowIfInvalid();
        var result = await import.Import(body.ToArray(), "upload", null, SanctionsAccess.Metadata(context.User), ct);
        return result.Imported
            ? TypedResults.Created($"/sanctions/lists?source={result.Source}", result)
            : TypedResults.Ok(result);
    }

    private static async Task<IReadOnlyList<ListImportResult>> Refresh(ListRefresh refresh, CancellationToken ct)
    {
        var results = await refresh.ImportConfigured(ct);
        return results.Count > 0
            ? results
            : throw new DomainException("sanctions.no_configured_source", "No list path or URL is configured (Sanctions:UnPath, EuPath, UnUrl, EuUrl); upload a file instead.");
    }

    private static async Task<Paged<ListVersionView>> Versions(
        string? source, PageRequest page, NpgsqlDataSource dataSource, EventStoreOptions options, CancellationToken ct)
    {
        const string Where = "where $1::text is null or source = $1";
        var filter = (object?)source?.ToUpperInvariant() ?? DBNull.Value;
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new($"select count(*) from {options.Schema}.sanctions_list_versions {Where}")
        {
            Parameters = { new() { Value = filter, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text } },
        });
        batch.BatchCommands.Add(new(
            $"""
            select version, source, content_hash, published_at, entry_count, origin, imported_by, imported_at
            from {options.Schema}.sanctions_list_versions {Where}
            order by imported_at desc, stream_version desc
            limit $2 offset $3
            """)
        {
            Parameters = { new() { Value = filter, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text }, new() { Value = page.PageSize }, new() { Value = page.Offset } },
        });
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        var items = new List<ListVersionView>();
        while (await reader.ReadAsync(ct))
        {
            items.Add(new ListVersionView(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt32(4),
                reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return page.Of(items, total);
    }
}
