using Grants.EventSourcing;

namespace Grants.Hosting.Messaging;

/// <summary>
/// The relay's numbering of what it publishes, per contract and partition, and how far each
/// consumer got in each partition's numbering; both commit with the work they describe.
/// </summary>
internal static class MessagingTables
{
    public static MigrationSet Migrations { get; } = new("messaging_migrations", All);

    private static IReadOnlyList<Migration> All(string s) =>
    [
        new(1, "relay sequences and consumer positions", $"""
            create table {s}.relay_sequences (
                contract text not null,
                partition text not null,
                last bigint not null,
                primary key (contract, partition)
            );

            create table {s}.consumer_positions (
                consumer text not null,
                partition text not null,
                sequence bigint not null,
                updated_at timestamptz not null default now(),
                primary key (consumer, partition)
            );
            """),
    ];
}
