using Npgsql;

namespace Grants.Audit.Tests;

public sealed record DossierOpened(string Title, decimal Amount);

public sealed record DossierAmended(decimal Amount, string Reason);

public sealed record DossierClosed(string Reason);

/// <summary>A test-only aggregate, enough to show what a state as of an instant holds.</summary>
public sealed record Dossier(string Title, decimal Amount, string Status, int Amendments) : IEventSourced<Dossier>
{
    public static Dossier Initial { get; } = new("", 0, "none", 0);

    public static Dossier Evolve(Dossier state, object @event) => @event switch
    {
        DossierOpened e => new Dossier(e.Title, e.Amount, "open", 0),
        DossierAmended e => state with { Amount = e.Amount, Amendments = state.Amendments + 1 },
        DossierClosed => state with { Status = "closed" },
        _ => state,
    };

    public static void Register(EventStoreOptions options) => options.Types
        .Register<DossierOpened>("test.dossier_opened")
        .Register<DossierAmended>("test.dossier_amended")
        .Register<DossierClosed>("test.dossier_closed");
}

/// <summary>An inline read model of dossiers, as the services keep theirs.</summary>
public sealed class DossierList : IProjection
{
    public static MigrationSet Migrations { get; } = new("dossier_migrations", s =>
    [
        new(1, "dossier list", $"create table {s}.dossiers (id uuid primary key, title text not null, amount numeric not null, status text not null)"),
    ]);

    public string Name => "dossiers";

    public async Task Apply(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct)
    {
        foreach (var e in events)
        {
            await using var command = e.Data switch
            {
                DossierOpened o => context.Command($"insert into {context.Schema}.dossiers values ($1, $2, $3, 'open')").With(e.StreamId, o.Title, o.Amount),
                DossierAmended a => context.Command($"update {context.Schema}.dossiers set amount = $2 where id = $1").With(e.StreamId, a.Amount),
                DossierClosed => context.Command($"update {context.Schema}.dossiers set status = 'closed' where id = $1").With(e.StreamId),
                _ => null,
            };
            if (command is not null)
            {
                await command.ExecuteNonQueryAsync(ct);
            }
        }
    }

    public async Task Reset(ProjectionContext context, CancellationToken ct)
    {
        await using var command = context.Command($"truncate {context.Schema}.dossiers");
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>A read model that stamps rows with the database clock, so no two replays agree: what replay must call not deterministic.</summary>
public sealed class ClockedList : IProjection
{
    public static MigrationSet Migrations { get; } = new("clocked_migrations", s =>
    [
        new(1, "clocked list", $"create table {s}.dossier_views (id uuid primary key, seen_at timestamptz not null default now())"),
    ]);

    public string Name => "dossier-views";

    public async Task Apply(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct)
    {
        foreach (var e in events.Where(e => e.Data is DossierOpened))
        {
            await using var command = context.Command($"insert into {context.Schema}.dossier_views (id) values ($1)").With(e.StreamId);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task Reset(ProjectionContext context, CancellationToken ct)
    {
        await using var command = context.Command($"truncate {context.Schema}.dossier_views");
        await command.ExecuteNonQueryAsync(ct);
    }
}

internal static class Commands
{
    public static NpgsqlCommand With(this NpgsqlCommand command, params object[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}

/// <summary>A read model kept by a subscription rather than inline, as dashboards are.</summary>
public sealed class DossierTitles : IProjection
{
    public static MigrationSet Migrations { get; } = new("dossier_titles_migrations", s =>
    [
        new(1, "dossier titles", $"create table {s}.dossier_titles (id uuid primary key, title text not null)"),
    ]);

    public string Name => "dossier-titles";

    public async Task Apply(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct)
    {
        foreach (var e in events)
        {
            if (e.Data is DossierOpened opened)
            {
                await using var command = context.Command($"insert into {context.Schema}.dossier_titles values ($1, $2)").With(e.StreamId, opened.Title);
                await command.ExecuteNonQueryAsync(ct);
            }
        }
    }

    public async Task Reset(ProjectionContext context, CancellationToken ct)
    {
        await using var command = context.Command($"truncate {context.Schema}.dossier_titles");
        await command.ExecuteNonQueryAsync(ct);
    }
}
