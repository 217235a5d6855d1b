using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages;

/// <summary>An attachment fetched with the reader's own token: the service answers 404 for another organisation's file, and so does this.</summary>
public sealed class FilesModel(ApplicationsApi applications) : PortalPage
{
    public async Task<IActionResult> OnGet(Guid id, Guid attachmentId, CancellationToken ct)
    {
        var (content, contentType, fileName) = await applications.Attachment(id, attachmentId, ct);
        return File(content, contentType, fileName);
    }
}
