using System.Security.Claims;

namespace Grants.Applications.Applications;

public static class AttachmentEndpoints
{
    public static RouteGroupBuilder MapAttachments(this RouteGroupBuilder applications)
    {
        // The body is the file itself (any Content-Type): its type is read from its bytes.
        applications.MapPost("/{id:guid}/attachments", Add).RequireAuthorization(GrantsPolicies.Applicant).WithMaxBodySize(AttachmentFiles.MaxBytes);
        applications.MapGet("/{id:guid}/attachments/{attachmentId:guid}", Download).RequireAuthorization(GrantsPolicies.Read);
        applications.MapDelete("/{id:guid}/attachments/{attachmentId:guid}", Remove).RequireAuthorization(GrantsPolicies.Applicant);
        return applications;
    }

    private static async Task<IResult> Add(
        Guid id, string? fileName, AttachmentFiles files, EventStore store, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        await ApplicationStreams.Load(store, user, id, ct);
        var attachment = await files.Receive(http.Request, fileName, time.GetUtcNow(), ct);
        var view = await ApplicationStreams.Change(store, user, http, id, http.OptionalIfMatch(), _ => new ApplicationCommand.AddAttachment(attachment, Actors.Of(user)), ct);
        return TypedResults.Created($"/applications/{id}/attachments/{attachment.Id}", view);
    }

    private static async Task<IResult> Download(Guid id, Guid attachmentId, AttachmentFiles files, EventStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var application = await ApplicationStreams.Load(store, user, id, ct);
        return await files.Download(application.State.Attachments, attachmentId, ct);
    }

    private static Task<ApplicationView> Remove(Guid id, Guid attachmentId, EventStore store, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        ApplicationStreams.Change(store, user, http, id, http.OptionalIfMatch(), _ => new ApplicationCommand.RemoveAttachment(attachmentId, Actors.Of(user), time.GetUtcNow()), ct);
}
