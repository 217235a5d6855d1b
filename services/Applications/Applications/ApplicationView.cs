namespace Grants.Applications.Applications;

public sealed record ApplicationView(
    Guid Id,
    Guid CallId,
    Guid OrganisationId,
    ApplicationStatus Status,
    ApplicationContent Content,
    Money RequestedAmount,
    Money CoFinancing,
    IReadOnlyList<Attachment> Attachments,
    string? ContentHash,
    DateTimeOffset? SubmittedAt,
    Clarification? Clarification,
    bool? Eligible)
{
    public static ApplicationView Of(Application a) => new(
        a.Id, a.CallId, a.OrganisationId, a.Status, a.Content!, a.Content!.Requested, new Money(a.Content.CoFinancing, a.Content.Currency),
        a.Attachments, a.ContentHash, a.SubmittedAt, a.Clarification, a.Eligible);
}
