using Grants.EventSourcing;
using Grants.Hosting.Messaging;
using Grants.Payments.Sanctions.Lists;

namespace Grants.Payments.Sanctions.Screening;

/// <summary>
/// Screens every known organisation again once a new list version is in the log. As a subscription
/// its checkpoint moves only after the rescreen, so a crash repeats it rather than skipping it.
/// </summary>
public sealed class RescreenOnImport(OrganisationScreening screening) : IProjection
{
    public string Name => "sanctions-rescreen";

    public async Task Apply(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct)
    {
        var imported = events.Select(e => e.Data).OfType<SanctionsListImported>().Select(e => e.Version).ToList();
        if (imported.Count == 0)
        {
            return;
        }

        var organisations = new List<Guid>();
        await using (var command = context.Command($"select organisation_id from {context.Schema}.sanctions_subjects order by organisation_id"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                organisations.Add(reader.GetGuid(0));
            }
        }

        var metadata = new EventMetadata(UserId: "system", Source: "job:sanctions-rescreen");
        foreach (var organisation in organisations)
        {
            await screening.Screen(organisation, $"list_imported:{string.Join(',', imported)}", metadata, ct);
        }
    }

    public Task Reset(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
}
