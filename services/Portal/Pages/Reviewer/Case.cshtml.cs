using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages.Reviewer;

public sealed class MarkForm
{
    public string? Criterion { get; set; }

    public int? Score { get; set; }

    public string? Comment { get; set; }
}

/// <summary>
/// First the declaration on conflicts of interest, with only the organisation shown; after it, the
/// application and the score sheet, pinned to the content the reviewer was shown.
/// </summary>
public sealed class CaseModel(ReviewApi review, ApplicationsApi applications, TimeProvider time) : PortalPage
{
    /// <summary>Applications opens the application to the reviewer once Review's ReviewerCleared reaches it, which takes a moment after the declaration: about 3 s at most.</summary>
    private const int Attempts = 7;

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(400);

    [BindProperty]
    public string? ConflictReason { get; set; }

    [BindProperty]
    public List<MarkForm> Marks { get; set; } = [];

    [BindProperty]
    public string? ContentHash { get; set; }

    public ReviewerCaseView? Case { get; private set; }

    public ApplicationView? Application { get; private set; }

    public async Task OnGet(Guid id, CancellationToken ct)
    {
        await Load(id, ct);
        Marks = Case!.MySheet is { } sheet
            ? [.. sheet.Select(m => new MarkForm { Criterion = m.Criterion, Score = m.Score, Comment = m.Comment })]
            : [.. (Case.Criteria ?? []).Select(c => new MarkForm { Criterion = c.Name })];
    }

    public Task<IActionResult> OnPostNoConflict(Guid id, CancellationToken ct) =>
        Act(id, () => review.Declare(id, false, null, ct), T["Declared: no conflict of interest."], $"/reviewer/cases/{id}", ct);

    public Task<IActionResult> OnPostConflict(Guid id, CancellationToken ct) =>
        Act(id, () => review.Declare(id, true, ConflictReason, ct), T["Declared a conflict of interest: you are off this case."], "/reviewer/cases", ct);

    public Task<IActionResult> OnPostScore(Guid id, CancellationToken ct)
    {
        var marks = Marks.Select(m => new CriterionMark(m.Criterion ?? "", m.Score ?? 0, m.Comment ?? "")).ToList();
        return Act(id, () => review.Score(id, ContentHash ?? "", marks, ct), T["Your score sheet is saved."], $"/reviewer/cases/{id}", ct);
    }

    private Task<IActionResult> Act(Guid id, Func<Task> action, string done, string next, CancellationToken ct) =>
        Act(action, done, next, () => Load(id, ct));

    private async Task Load(Guid id, CancellationToken ct)
    {
        Case = (await review.MyCase(id, ct)).Value;
        if (!Case.DeclarationRequired)
        {
            Application = (await NotYetThere.ReadSoon(() => applications.Application(id, ct), Attempts, Pause, time, ct))?.Value;
            ContentHash = Case.ContentHash;
            ModelState.Remove(nameof(ContentHash));
        }
    }
}
