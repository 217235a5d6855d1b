using System.Globalization;
using Grants.Hosting.Http;

namespace Grants.Payments.Sanctions.Lists;

public sealed record ImportList(
    string Source, string ContentHash, DateTimeOffset PublishedAt, int EntryCount, string Origin, string ImportedBy, DateTimeOffset Now);

/// <summary>Whether an imported file becomes the list's new version: the same content again changes nothing.</summary>
public static class SanctionsListDecider
{
    public static IReadOnlyList<object> Decide(ImportList command, SanctionsList state)
    {
        if (state.ContentHash == command.ContentHash)
        {
            return [];
        }

        if (command.EntryCount == 0)
        {
            // A truncated download would otherwise clear every hit at once.
            throw new DomainException("sanctions.list_empty", $"The {command.Source} list file has no entries; the version in force stays.");
        }

        if (state.PublishedAt is { } current && command.PublishedAt < current)
        {
            throw new DomainException(
                "sanctions.list_outdated",
                string.Create(CultureInfo.InvariantCulture, $"The {command.Source} list file was published {command.PublishedAt:u}, before the version in force ({current:u})."));
        }

        return
        [
            new SanctionsListImported(
                command.Source,
                VersionOf(command.Source, command.PublishedAt, command.ContentHash),
                command.ContentHash,
                command.PublishedAt,
                command.EntryCount,
                command.Origin,
                command.ImportedBy,
                command.Now),
        ];
    }

    /// <summary>What screenings record: readable for people, exact through the hash prefix.</summary>
    public static string VersionOf(string source, DateTimeOffset publishedAt, string contentHash) =>
        string.Create(CultureInfo.InvariantCulture, $"{source}:{publishedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}:{contentHash[..12]}");
}
