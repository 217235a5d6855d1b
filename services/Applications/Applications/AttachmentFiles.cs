using System.IO.Compression;
using System.Security.Cryptography;
using Npgsql;

namespace Grants.Applications.Applications;

/// <summary>
/// Attachment contents, in PostgreSQL, addressed by their SHA-256: the events say which files belong
/// to an application; a file stored for an append that then failed is only an unused row.
/// </summary>
public sealed class AttachmentFiles(NpgsqlDataSource db, EventStoreOptions options)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static MigrationSet Migrations { get; } = new("attachments_migrations", s =>
    [
        new(1, "attachment contents", $"""
            create table {s}.attachment_files (
                sha256 text primary key,
                size bigint not null,
                content bytea not null,
                stored_at timestamptz not null default now()
            );
            """),
    ]);

    /// <summary>The type the bytes themselves say, never the file name: PDF, or an Office Open XML document or workbook; null for anything else.</summary>
    public static string? Sniff(byte[] content)
    {
        if (content.AsSpan().StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (!content.AsSpan().StartsWith("PK\x03\x04"u8))
        {
            return null;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            return !names.Contains("[Content_Types].xml") ? null
                : names.Contains("word/document.xml") ? Docx
                : names.Contains("xl/workbook.xml") ? Xlsx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public async Task Store(string sha256, byte[] content, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            $"insert into {options.Schema}.attachment_files (sha256, size, content) values ($1, $2, $3) on conflict (sha256) do nothing")
            .With(sha256, (long)content.Length, content);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Reads an uploaded file from the request body, checks its name, bytes and type, and stores it; the caller records it on its stream.</summary>
    public async Task<Attachment> Receive(HttpRequest request, string? fileName, DateTimeOffset now, CancellationToken ct)
    {
        new Validation()
            .Required(nameof(fileName), fileName).MaxLength(nameof(fileName), fileName, 200)
            .Must(fileName is null || fileName.IndexOfAny(['/', '\\', '\0']) < 0, nameof(fileName), "must be a file name without a path.")
            .ThrowIfInvalid();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        new Validation().Must(content.Length > 0, "body", "must be the file's content.").ThrowIfInvalid();
        var type = Sniff(content) ?? throw new RequestRejectedException(
            StatusCodes.Status415UnsupportedMediaType, "attachment.unsupported_type", "Only PDF, DOCX and XLSX files are accepted; the content is none of them.");
        var sha256 = Hash(content);
        await Store(sha256, content, ct);
        return new Attachment(Guid.CreateVersion7(), fileName!, type, content.Length, sha256, now);
    }

    /// <summary>One of <paramref name="attachments"/> as a download; 404 when none has that id.</summary>
    public async Task<IResult> Download(IEnumerable<Attachment> attachments, Guid attachmentId, CancellationToken ct)
    {
        var attachment = attachments.FirstOrDefault(a => a.Id == attachmentId)
            ?? throw new DomainException("attachment.not_found", "No such attachment.", DomainErrorKind.NotFound);
        var content = await Read(attachment.Sha256, ct)
            ?? throw new InvalidOperationException($"The content of attachment {attachmentId} ({attachment.Sha256}) is missing.");
        return TypedResults.File(content, attachment.ContentType, attachment.FileName);
    }

    public async Task<byte[]?> Read(string sha256, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"select content from {options.Schema}.attachment_files where sha256 = $1").With(sha256);
        return await command.ExecuteScalarAsync(ct) as byte[];
    }
}
