using System.Xml;
using System.Xml.Linq;

namespace Grants.Payments.Sanctions.Lists;

/// <summary>
/// The UN Security Council Consolidated List (scsanctions.un.org consolidated.xml):
/// <c>CONSOLIDATED_LIST@dateGenerated</c>, <c>INDIVIDUALS/INDIVIDUAL</c> and <c>ENTITIES/ENTITY</c>
/// with <c>DATAID</c>, <c>FIRST_NAME</c>..<c>FOURTH_NAME</c>, <c>REFERENCE_NUMBER</c>,
/// <c>NAME_ORIGINAL_SCRIPT</c> and <c>INDIVIDUAL_ALIAS</c>/<c>ENTITY_ALIAS</c> with <c>ALIAS_NAME</c>.
/// </summary>
internal static class UnConsolidatedList
{
    private static readonly string[] NameParts = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"];

    public static ListFile Read(XmlReader reader, string hash)
    {
        var published = ListFile.Instant(reader.GetAttribute("dateGenerated"), "dateGenerated");
        var entries = new List<ListEntry>();
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "INDIVIDUAL" or "ENTITY")
            {
                entries.Add(Entry((XElement)XNode.ReadFrom(reader)));
            }
            else
            {
                reader.Read();
            }
        }

        return new ListFile(ListFile.Un, published, hash, entries);
    }

    private static ListEntry Entry(XElement element)
    {
        var individual = element.Name.LocalName == "INDIVIDUAL";
        var id = Text(element, "DATAID") ?? throw ListFile.Invalid($"A UN <{element.Name.LocalName}> has no DATAID.");
        var primary = string.Join(' ', NameParts.Select(p => Text(element, p)).OfType<string>());
        var aliases = element.Elements()
            .Where(e => e.Name.LocalName is "INDIVIDUAL_ALIAS" or "ENTITY_ALIAS")
            .Select(a => Text(a, "ALIAS_NAME"));
        return ListFile.Entry(
            ListFile.Un,
            id,
            individual ? EntryKinds.Individual : EntryKinds.Entity,
            Text(element, "REFERENCE_NUMBER") ?? id,
            [primary, .. aliases, Text(element, "NAME_ORIGINAL_SCRIPT")]);
    }

    private static string? Text(XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() is { Length: > 0 } value ? value : null;
}
