using Grants.EventSourcing;
using Grants.Payments.Sanctions.Lists;

namespace Grants.Payments.Sanctions.Screening;

/// <summary>
/// Screens an organisation's names against the lists in force and records the screening on its
/// subject stream; the verdict follows from the recorded state, so what blocked a payment is on record.
/// </summary>
public sealed class OrganisationScreening(EventStore store, CurrentLists lists, TimeProvider time) : IPaymentScreening
{
    private const int Attempts = 5;

    public Task<ScreeningVerdict> ScreenForPayment(Guid organisationId, CancellationToken cancellationToken) =>
        Screen(organisationId, "payment", new EventMetadata(UserId: "system", Source: "payment-screening"), cancellationToken);

    /// <summary>Screens now and records it; a concurrent change to the subject makes it screen again on the new state.</summary>
    public async Task<ScreeningVerdict> Screen(Guid organisationId, string trigger, EventMetadata metadata, CancellationToken ct)
    {
        var streamId = ScreeningSubject.StreamId(organisationId);
        for (var attempt = 1; ; attempt++)
        {
            var session = store.OpenSession(metadata);
            var subject = await session.FetchForWriting<ScreeningSubject>(streamId, ct);
            if (!subject.State.Known)
            {
                return ScreeningVerdicts.Of(subject.State);
            }

            var events = await ScreeningOf(organisationId, subject.State, trigger, ct);
            session.Append(streamId, subject.Version, events);
            try
            {
                await session.SaveChanges(ct);
                return ScreeningVerdicts.Of(events.Aggregate(subject.State, ScreeningSubject.Evolve));
            }
            catch (ConcurrencyException) when (attempt < Attempts)
            {
            }
        }
    }

    /// <summary>Applies a change of names in the caller's session and, when the organisation is known, screens the new names with it.</summary>
    public async Task Record(EventSession session, ScreeningCommand command, string trigger, CancellationToken ct)
    {
        var streamId = ScreeningSubject.StreamId(command.OrganisationId);
        var subject = await session.FetchForWriting<ScreeningSubject>(streamId, ct);
        var changes = ScreeningDecider.Decide(command, subject.State);
        if (changes.Count == 0)
        {
            return;
        }

        var state = changes.Aggregate(subject.State, ScreeningSubject.Evolve);
        IReadOnlyList<object> events = state.Known ? [.. changes, .. await ScreeningOf(command.OrganisationId, state, trigger, ct)] : changes;
        if (subject.Version == 0)
        {
            session.StartStream(streamId, ScreeningSubject.StreamType, events);
        }
        else
        {
            session.Append(streamId, subject.Version, events);
        }
    }

    private async Task<IReadOnlyList<object>> ScreeningOf(Guid organisationId, ScreeningSubject subject, string trigger, CancellationToken ct)
    {
        var snapshot = await lists.Get(ct);
        var matches = subject.Names
            .SelectMany(n => snapshot.Index.Screen(n.Name))
            .Select(m => new ListMatch(m.ScreenedName, m.Entry.Source, m.Entry.EntryId, m.Entry.Reference, m.Entry.Fingerprint, m.ListedName, m.Score))
            .ToList();
        return ScreeningDecider.Decide(new RecordScreening(organisationId, trigger, snapshot.Versions, matches, time.GetUtcNow()), subject);
    }
}
