using Npgsql;

namespace Grants.Applications.Organisations;

/// <summary>The organisations table, kept inline: for officers to find pending bank changes, and for lists by name.</summary>
public sealed class OrganisationList() : TableProjection("organisations", "organisations")
{
    public static MigrationSet Migrations { get; } = new("organisations_migrations", s =>
    [
        new(1, "organisations list", $"""
            create table {s}.organisations (
                id uuid primary key,
                legal_name text not null,
                registration_number text not null,
                country text not null,
                bank_verified boolean not null,
                registered_at timestamptz not null
            );
            """),
    ]);

    protected override IEnumerable<NpgsqlBatchCommand> Commands(StoredEvent e, string s)
    {
        var command = e.Data switch
        {
            OrganisationRegisteredEvent d => new NpgsqlBatchCommand($"""
                insert into {s}.organisations (id, legal_name, registration_number, country, bank_verified, registered_at)
                values ($1, $2, $3, $4, false, $5)
                """).With(d.OrganisationId, d.Profile.LegalName, d.Profile.RegistrationNumber, d.Profile.Country, d.At),
            OrganisationProfileUpdated d => new NpgsqlBatchCommand($"update {s}.organisations set legal_name = $2 where id = $1")
                .With(d.OrganisationId, d.Profile.LegalName),
            BankAccountChangeRequested d => new NpgsqlBatchCommand($"update {s}.organisations set bank_verified = false where id = $1")
                .With(d.OrganisationId),
            BankAccountVerified d => new NpgsqlBatchCommand($"update {s}.organisations set bank_verified = true where id = $1")
                .With(d.OrganisationId),
            _ => null,
        };
        return command is null ? [] : [command];
    }
}
