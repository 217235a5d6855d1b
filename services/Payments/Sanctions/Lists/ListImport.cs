using Grants.EventSourcing;
using Grants.Hosting.Http;

namespace Grants.Payments.Sanctions.Lists;

/// <summary>What an import did: a new version, or the version in force already had this content.</summary>
public sealed record ListImportResult(bool Imported, string Source, string Version, string ContentHash, DateTimeOffset PublishedAt, int EntryCount);

/// <summary>Reads a list file, stores it, and records it as the source's new version unless it is the one in force.</summary>
public sealed class ListImport(EventStore store, ListFiles files, TimeProvider time)
{
    public async Task<ListImportResult> Import(byte[] content, string origin, string? expectedSource, EventMetadata metadata, CancellationToken ct)
    {
        var file = ListFile.Read(content);
        if (expectedSource is not null && file.Source != expectedSource)
        {
            throw new DomainException("sanctions.list_source_mismatch", $"{origin} holds the {file.Source} list, not the {expectedSource} list.");
        }

        var session = store.OpenSession(metadata);
        var streamId = SanctionsList.StreamId(file.Source);
        var list = await session.FetchForWriting<SanctionsList>(streamId, ct);
        var command = new ImportList(file.Source, file.ContentHash, file.PublishedAt, file.Entries.Count, origin, metadata.UserId ?? "system", time.GetUtcNow());
        var events = SanctionsListDecider.Decide(command, list.State);
        if (events is not [SanctionsListImported imported])
        {
            return new ListImportResult(false, file.Source, list.State.Version!, file.ContentHash, file.PublishedAt, file.Entries.Count);
        }

        // Stored before the event: a version never names a file that is not there.
        await files.Save(file, content, ct);
        if (list.Version == 0)
        {
            session.StartStream(streamId, SanctionsList.StreamType, events);
        }
        else
        {
            session.Append(streamId, list.Version, events);
        }

        await session.SaveChanges(ct);
        return new ListImportResult(true, file.Source, imported.Version, file.ContentHash, file.PublishedAt, file.Entries.Count);
    }
}
