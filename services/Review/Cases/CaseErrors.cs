namespace Grants.Review.Cases;

internal static class CaseErrors
{
    public static DomainException NotFound() =>
        new("review.case_not_found", "There is no review case for this application.", DomainErrorKind.NotFound);

    /// <summary>To a reviewer, a case they are not on does not exist.</summary>
    public static DomainException NotAssigned() =>
        new("review.not_assigned", "You are not assigned to review this application.", DomainErrorKind.NotFound);

    public static DomainException DeclarationRequired() =>
        new("review.declaration_required", "Declare whether you have a conflict of interest with the organisation first.");

    public static DomainException Cancelled() => new("review.case_cancelled", "The application was withdrawn from review.");

    public static DomainException Completed() => new("review.case_completed", "The review of this application is complete.");
}
