using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages.Staff;

public sealed class ConsensusMarkForm
{
    public string? Criterion { get; set; }

    public decimal? Score { get; set; }

    public string? Justification { get; set; }
}

/// <summary>One case's score sheets side by side, reviewers named (staff only), and the consensus the officer records.</summary>
public sealed class CaseConsensusModel(ApplicationsApi applications, ReviewApi review) : PortalPage
{
    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public List<ConsensusMarkForm> Marks { get; set; } = [];

    public CaseView? Case { get; private set; }

    public ApplicationView? Application { get; private set; }

    public IReadOnlyList<string> Criteria => Case?.Rules?.Criteria.Select(c => c.Name).ToList()
        ?? [.. Case?.Assignments.SelectMany(a => a.Sheet ?? []).Select(m => m.Criterion).Distinct() ?? []];

    public IReadOnlyList<int> Scores(string criterion) =>
        [.. Case!.Assignments.Select(a => a.Sheet?.FirstOrDefault(m => m.Criterion == criterion)?.Score).OfType<int>()];

    public bool Diverges(string criterion) => Scores(criterion) is { Count: > 1 } s && s.Max() - s.Min() >= 2;

    public async Task OnGet(Guid id, CancellationToken ct)
    {
        await Load(id, ct);
        Marks = [.. Criteria.Select(c => new ConsensusMarkForm { Criterion = c, Score = Scores(c) is { Count: > 0 } s ? Math.Round((decimal)s.Average(), 1) : null })];
    }

    public async Task<IActionResult> OnPost(Guid id, CancellationToken ct)
    {
        var marks = Marks.Select(m => new ConsensusMark(m.Criterion ?? "", m.Score ?? 0, m.Justification ?? "")).ToList();
        if (await Try(() => review.RecordConsensus(id, marks, Version, ct), nameof(Marks)))
        {
            Notice = T["The consensus is recorded; the review of this application is complete."];
            return Redirect($"/staff/consensus/{id}");
        }

        await Load(id, ct);
        return Page();
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        var found = await review.Case(id, ct);
        (Case, Version) = (found.Value, found.Version);
        Application = (await applications.Application(id, ct)).Value;
    }
}
