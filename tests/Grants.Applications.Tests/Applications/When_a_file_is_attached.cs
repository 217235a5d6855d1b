using System.IO.Compression;
using Grants.Applications.Applications;

namespace Grants.Applications.Tests.Applications;

public sealed class When_a_file_is_attached
{
    public static byte[] Pdf { get; } = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF"u8.ToArray();

    public static byte[] OfficeFile(string mainPart)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", mainPart })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<xml/>");
            }
        }

        return buffer.ToArray();
    }

    [Fact]
    public void Should_recognise_pdf_docx_and_xlsx_by_their_bytes() =>
        Assert.Equal(
            (AttachmentFiles.Pdf, AttachmentFiles.Docx, AttachmentFiles.Xlsx),
            (AttachmentFiles.Sniff(Pdf), AttachmentFiles.Sniff(OfficeFile("word/document.xml")), AttachmentFiles.Sniff(OfficeFile("xl/workbook.xml"))));

    [Fact]
    public void Should_refuse_other_files_whatever_they_are_called()
    {
        Assert.Null(AttachmentFiles.Sniff("MZ\x90\0 an executable"u8.ToArray()));
        Assert.Null(AttachmentFiles.Sniff(OfficeFile("ppt/presentation.xml")));
        Assert.Null(AttachmentFiles.Sniff("PK\x03\x04 not really a zip"u8.ToArray()));
    }
}
