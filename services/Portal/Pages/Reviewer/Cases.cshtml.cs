namespace Grants.Portal.Pages.Reviewer;

/// <summary>Only the cases assigned to this reviewer, with their due dates.</summary>
public sealed class CasesModel(ReviewApi review) : PortalPage
{
    public IReadOnlyList<AssignedCase> Cases { get; private set; } = [];

    public async Task OnGet(CancellationToken ct) => Cases = (await review.MyCases(1, ct)).Items;
}
