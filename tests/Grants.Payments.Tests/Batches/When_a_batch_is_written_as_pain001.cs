using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Grants.Payments.Batches;
using static Grants.Payments.Tests.Batches.Batches;

namespace Grants.Payments.Tests.Batches;

public sealed class When_a_batch_is_written_as_pain001
{
    private static readonly XNamespace Pain = Pain001.Namespace;

    /// <summary>Every error the official schema reports for a file; empty when it is valid.</summary>
    public static IReadOnlyList<string> SchemaErrors(byte[] file)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(Pain001.Namespace, Path.Combine(AppContext.BaseDirectory, "Standards", "pain.001.001.03.xsd"));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(file), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    [Fact]
    public void Should_validate_against_the_official_schema()
    {
        var file = Pain001.Write(Created(
            Payment(1, 48_000m, new DateOnly(2026, 3, 10)),
            Payment(2, 12_345.6m, new DateOnly(2026, 3, 10), holder: "Association Ñandú & Fils <Bamako> — \"Paix\""),
            Payment(1, 100_000m, new DateOnly(2026, 3, 12), remittance: new string('x', 140))));

        Assert.Empty(SchemaErrors(file));
    }

    [Fact]
    public void Should_fail_schema_validation_when_the_file_is_broken()
    {
        var document = XDocument.Load(new MemoryStream(Pain001.Write(Created(Payment(1, 48_000m, new DateOnly(2026, 3, 10))))));
        document.Descendants(Pain + "EndToEndId").Single().Value = new string('E', 36);
        using var buffer = new MemoryStream();
        document.Save(buffer);

        Assert.NotEmpty(SchemaErrors(buffer.ToArray()));
    }

    [Fact]
    public void Should_write_the_same_bytes_every_time()
    {
        var batch = Created(Payment(1, 48_000m, new DateOnly(2026, 3, 10)), Payment(2, 500m, new DateOnly(2026, 3, 11)));

        Assert.Equal(Pain001.Write(batch), Pain001.Write(batch with { Payments = [.. batch.Payments.Reverse()] }));
    }

    [Fact]
    public void Should_carry_one_transfer_per_payment_with_its_end_to_end_id_amount_and_remittance()
    {
        var first = Payment(1, 48_000m, new DateOnly(2026, 3, 10));
        var second = Payment(2, 12_345.6m, new DateOnly(2026, 3, 12));

        var document = XDocument.Load(new MemoryStream(Pain001.Write(Created(first, second))));

        var header = document.Descendants(Pain + "GrpHdr").Single();
        Assert.Equal(("2", "60345.60", "2026-03-09T14:30:15"), (header.Element(Pain + "NbOfTxs")!.Value, header.Element(Pain + "CtrlSum")!.Value, header.Element(Pain + "CreDtTm")!.Value));
        Assert.Equal(["2026-03-10", "2026-03-12"], document.Descendants(Pain + "ReqdExctnDt").Select(d => d.Value));
        var transfers = document.Descendants(Pain + "CdtTrfTxInf").ToList();
        Assert.Equal([first.EndToEndId, second.EndToEndId], transfers.Select(t => t.Descendants(Pain + "EndToEndId").Single().Value));
        Assert.Equal(["48000.00", "12345.60"], transfers.Select(t => t.Descendants(Pain + "InstdAmt").Single().Value));
        Assert.Equal(first.Remittance, transfers[0].Descendants(Pain + "Ustrd").Single().Value);
        Assert.Equal(Ministry.Iban, document.Descendants(Pain + "DbtrAcct").First().Descendants(Pain + "IBAN").Single().Value);
        Assert.Equal("SPF Affaires etrangeres - Peace Building", document.Descendants(Pain + "Dbtr").First().Element(Pain + "Nm")!.Value);
    }

    [Theory]
    [InlineData("Association Ñandú & Fils", 70, "Association Nandu Fils")]
    [InlineData("Grant PB-2026/01: «Médiation» (Bangui), tranche 1", 140, "Grant PB-2026/01: Mediation (Bangui), tranche 1")]
    [InlineData("Ассоциация мира", 70, "")]
    [InlineData("abcdefghij", 5, "abcde")]
    public void Should_reduce_text_to_the_sepa_character_set(string text, int max, string expected) =>
        Assert.Equal(expected, SepaText.Clean(text, max));

    [Fact]
    public void Should_format_amounts_with_two_decimals_whatever_the_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr-BE");
            var file = System.Text.Encoding.UTF8.GetString(Pain001.Write(Created(Payment(1, 1234.5m, new DateOnly(2026, 3, 10)))));

            Assert.Contains(">1234.50</InstdAmt>", file, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
