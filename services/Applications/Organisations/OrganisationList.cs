namespace Grants.Applications.Organisations;

/// <summary>The organisations table, kept inline: for officers to find pending bank changes, and for lists by name.</summary>
public sealed class OrganisationList : IProjection
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

    public string Name => "organisations";

    public async Task Apply(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct)
    {
        foreach (var e in events)
        {
            await using var command = e.Data switch
            {
                OrganisationRegisteredEvent d => context.Command($"""
                    insert into {context.Schema}.organisations (id, legal_name, registration_number, country, bank_verified, registered_at)
                    values ($1, $2, $3, $4, false, $5)
                    """).With(d.OrganisationId, d.Profile.LegalName, d.Profile.RegistrationNumber, d.Profile.Country, d.At),
                OrganisationProfileUpdated d => context.Command($"update {context.Schema}.organisations set legal_name = $2 where id = $1")
                    .With(d.OrganisationId, d.Profile.LegalName),
                BankAccountChangeRequested d => context.Command($"update {context.Schema}.organisations set bank_verified = false where id = $1")
                    .With(d.OrganisationId),
                BankAccountVerified d => context.Command($"update {context.Schema}.organisations set bank_verified = true where id = $1")
                    .With(d.OrganisationId),
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
        await using var command = context.Command($"truncate {context.Schema}.organisations");
        await command.ExecuteNonQueryAsync(ct);
    }
}
