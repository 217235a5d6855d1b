using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Grants.Hosting.Http;

namespace Grants.Payments.Sanctions.Lists;

/// <summary>A list file read into its entries, with what identifies the version: its source, publication instant and content hash.</summary>
public sealed record ListFile(string Source, DateTimeOffset PublishedAt, string ContentHash, IReadOnlyList<ListEntry> Entries)
{
    public const string Un = "UN";
    public const string Eu = "EU";
    public const string InvalidCode = "sanctions.list_invalid";

    /// <summary>Reads a UN Security Council Consolidated List or an EU Financial Sanctions File, whichever the root element says it is.</summary>
    public static ListFile Read(byte[] content)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content, writable: false), settings);
            reader.MoveToContent();
            return reader.LocalName switch
            {
                "CONSOLIDATED_LIST" => UnConsolidatedList.Read(reader, hash),
                "export" => EuFinancialSanctionsFile.Read(reader, hash),
                var other => throw Invalid($"The root element is <{other}>; expected the UN <CONSOLIDATED_LIST> or the EU FSF <export>."),
            };
        }
        catch (XmlException error)
        {
            throw Invalid($"The file is not well-formed XML: {error.Message}");
        }
    }

    internal static DomainException Invalid(string message) => new(InvalidCode, message);

    internal static DateTimeOffset Instant(string? value, string attribute) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : throw Invalid($"The list has no readable publication date ({attribute}='{value}').");

    internal static ListEntry Entry(string source, string entryId, string kind, string reference, IEnumerable<string?> names)
    {
        var distinct = names
            .Select(n => n is null ? "" : string.Join(' ', n.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var canonical = new StringBuilder().Append(kind).Append('\n').Append(reference);
        foreach (var name in distinct.Order(StringComparer.Ordinal))
        {
            canonical.Append('\n').Append(name);
        }

        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
        return new ListEntry(source, entryId, kind, reference, distinct, fingerprint);
    }
}
