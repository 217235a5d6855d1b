using System.Xml;
using System.Xml.Linq;

namespace Grants.Payments.Sanctions.Lists;

/// <summary>
/// The EU Financial Sanctions File (FSF XML, namespace http://eu.europa.ec/fpi/fsd/export):
/// <c>export@generationDate</c>, <c>sanctionEntity@logicalId</c> and <c>@euReferenceNumber</c>,
/// <c>subjectType@code</c> (person or enterprise) and one <c>nameAlias</c> per name with
/// <c>wholeName</c> or its parts.
/// </summary>
internal static class EuFinancialSanctionsFile
{
    private static readonly string[] NameParts = ["firstName", "middleName", "lastName"];

    public static ListFile Read(XmlReader reader, string hash)
    {
        var published = ListFile.Instant(reader.GetAttribute("generationDate"), "generationDate");
        var entries = new List<ListEntry>();
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sanctionEntity")
            {
                entries.Add(Entry((XElement)XNode.ReadFrom(reader)));
            }
            else
            {
                reader.Read();
            }
        }

        return new ListFile(ListFile.Eu, published, hash, entries);
    }

    private static ListEntry Entry(XElement element)
    {
        var id = Attribute(element, "logicalId") ?? throw ListFile.Invalid("An EU <sanctionEntity> has no logicalId.");
        var subject = element.Elements().FirstOrDefault(e => e.Name.LocalName == "subjectType");
        var person = Attribute(subject, "code") == "person" || Attribute(subject, "classificationCode") == "P";
        var names = element.Elements()
            .Where(e => e.Name.LocalName == "nameAlias")
            .Select(a => Attribute(a, "wholeName")
                ?? string.Join(' ', NameParts.Select(p => Attribute(a, p)).OfType<string>()));
        return ListFile.Entry(
            ListFile.Eu, id, person ? EntryKinds.Individual : EntryKinds.Entity, Attribute(element, "euReferenceNumber") ?? id, names);
    }

    private static string? Attribute(XElement? element, string name) =>
        element?.Attribute(name)?.Value.Trim() is { Length: > 0 } value ? value : null;
}
