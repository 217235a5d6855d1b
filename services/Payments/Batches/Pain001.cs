using System.Globalization;
using System.Text;
using System.Xml;

namespace Grants.Payments.Batches;

/// <summary>
/// A batch as an ISO 20022 pain.001.001.03 SEPA credit transfer initiation: one payment information
/// block per execution date, one CdtTrfTxInf per tranche. Written only from the batch's recorded
/// event (no clock, no configuration read now), so the same batch always gives the same bytes.
/// </summary>
public static class Pain001
{
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";

    public static byte[] Write(PaymentBatchCreated batch)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            Async = false,
        };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("Document", Namespace);
            xml.WriteStartElement("CstmrCdtTrfInitn");
            GroupHeader(xml, batch);
            var days = batch.Payments.GroupBy(p => p.ExecutionDate).OrderBy(d => d.Key);
            foreach (var day in days)
            {
                PaymentInformation(xml, batch, day.Key, [.. day.OrderBy(p => p.EndToEndId, StringComparer.Ordinal)]);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void GroupHeader(XmlWriter xml, PaymentBatchCreated batch)
    {
        xml.WriteStartElement("GrpHdr");
        xml.WriteElementString("MsgId", batch.MessageId);
        xml.WriteElementString("CreDtTm", batch.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        xml.WriteElementString("NbOfTxs", batch.Payments.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("CtrlSum", Amount(batch.Payments.Sum(p => p.Amount.Amount)));
        Party(xml, "InitgPty", batch.Debtor.Name);
        xml.WriteEndElement();
    }

    private static void PaymentInformation(XmlWriter xml, PaymentBatchCreated batch, DateOnly executionDate, IReadOnlyList<BatchPayment> payments)
    {
        xml.WriteStartElement("PmtInf");
        xml.WriteElementString("PmtInfId", PaymentInformationId(batch, executionDate));
        xml.WriteElementString("PmtMtd", "TRF");
        xml.WriteElementString("BtchBookg", "false");
        xml.WriteElementString("NbOfTxs", payments.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("CtrlSum", Amount(payments.Sum(p => p.Amount.Amount)));
        xml.WriteStartElement("PmtTpInf");
        xml.WriteStartElement("SvcLvl");
        xml.WriteElementString("Cd", "SEPA");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteElementString("ReqdExctnDt", executionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Party(xml, "Dbtr", batch.Debtor.Name);
        Account(xml, "DbtrAcct", batch.Debtor.Iban);
        Agent(xml, "DbtrAgt", batch.Debtor.Bic);
        xml.WriteElementString("ChrgBr", "SLEV");
        foreach (var payment in payments)
        {
            Transfer(xml, payment);
        }

        xml.WriteEndElement();
    }

    private static void Transfer(XmlWriter xml, BatchPayment payment)
    {
        xml.WriteStartElement("CdtTrfTxInf");
        xml.WriteStartElement("PmtId");
        xml.WriteElementString("EndToEndId", payment.EndToEndId);
        xml.WriteEndElement();
        xml.WriteStartElement("Amt");
        xml.WriteStartElement("InstdAmt");
        xml.WriteAttributeString("Ccy", payment.Amount.Currency);
        xml.WriteString(Amount(payment.Amount.Amount));
        xml.WriteEndElement();
        xml.WriteEndElement();
        Agent(xml, "CdtrAgt", payment.Creditor.Bic);
        Party(xml, "Cdtr", payment.Creditor.HolderName);
        Account(xml, "CdtrAcct", payment.Creditor.Iban);
        xml.WriteStartElement("RmtInf");
        xml.WriteElementString("Ustrd", payment.Remittance);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Party(XmlWriter xml, string element, string name)
    {
        xml.WriteStartElement(element);
        xml.WriteElementString("Nm", SepaText.Clean(name, 70));
        xml.WriteEndElement();
    }

    private static void Account(XmlWriter xml, string element, string iban)
    {
        xml.WriteStartElement(element);
        xml.WriteStartElement("Id");
        xml.WriteElementString("IBAN", iban);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Agent(XmlWriter xml, string element, string bic)
    {
        xml.WriteStartElement(element);
        xml.WriteStartElement("FinInstnId");
        xml.WriteElementString("BIC", bic);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string PaymentInformationId(PaymentBatchCreated batch, DateOnly executionDate) =>
        batch.BatchId.ToString("N", CultureInfo.InvariantCulture)[..26].ToUpperInvariant() + "-" + executionDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
