using System.Security.Claims;
using Grants.Review.Api;

namespace Grants.Review.Cases;

public sealed record ReassignRequest(string? From, string? To, string? Reason);

public sealed record DeclarationRequest(bool? Conflict, string? Reason);

public sealed record MarkRequest(string? Criterion, int? Score, string? Comment);

public sealed record SheetRequest(string? ContentHash, IReadOnlyList<MarkRequest>? Marks);

public sealed record ConsensusMarkRequest(string? Criterion, decimal? Score, string? Justification);

public sealed record ConsensusRequest(IReadOnlyList<ConsensusMarkRequest>? Marks);

/// <summary>Review cases: assignment (officer), conflict declarations and score sheets (reviewer), consensus (officer), and each role's view.</summary>
public static class CaseEndpoints
{
    private const int MaxText = 4000;

    public static WebApplication MapCases(this WebApplication app)
    {
        var cases = app.MapGroup("/cases/{applicationId:guid}").WithTags("Cases");
        cases.MapGet("", Get).RequireAuthorization(GrantsPolicies.Read);
        cases.MapPost("/assignments", Assign).RequireAuthorization(GrantsPolicies.Officer);
        cases.MapPost("/reassignments", Reassign).RequireAuthorization(GrantsPolicies.Officer);
        cases.MapPost("/overdue-replacements", ReplaceOverdue).RequireAuthorization(GrantsPolicies.Officer);
        cases.MapPost("/consensus", RecordConsensus).RequireAuthorization(GrantsPolicies.Officer);
        cases.MapPut("/declaration", Declare).RequireAuthorization(GrantsPolicies.Reviewer);
        cases.MapPut("/sheet", Score).RequireAuthorization(GrantsPolicies.Reviewer);
        app.MapGet("/reviewers/me/cases", (ClaimsPrincipal user, CaseQueries queries, PageRequest page, CancellationToken ct) =>
            queries.AssignedTo(user.UserId(), page, ct)).WithTags("Cases").RequireAuthorization(GrantsPolicies.Reviewer);
        return app;
    }

    private static async Task<IResult> Get(Guid applicationId, ClaimsPrincipal user, EventStore store, HttpContext context, CancellationToken ct)
    {
        var found = await store.AggregateStream<ReviewCase>(applicationId, ct: ct);
        var state = found.State;
        if (state.Opened is null)
        {
            throw new StreamNotFoundException(applicationId);
        }

        context.Response.SetETag(found.Version);
        if (user.IsInRole(GrantsRoles.Applicant))
        {
            user.EnsureMaySee(state.Details.OrganisationId, applicationId);
            return TypedResults.Ok(CaseViews.Applicant(state));
        }

        if (user.IsInRole(GrantsRoles.Reviewer))
        {
            return state.Assignments.TryGetValue(user.UserId(), out var mine)
                ? TypedResults.Ok(CaseViews.Reviewer(state, mine))
                : throw new StreamNotFoundException(applicationId);
        }

        return TypedResults.Ok(CaseViews.Staff(state));
    }

    private static Task<CaseView> Assign(Guid applicationId, ClaimsPrincipal user, ReviewCases cases, TimeProvider time, HttpContext context, CancellationToken ct) =>
        Staff(cases, applicationId, user, context, async s => new AssignReviewers(await cases.Candidates(s, ct), user.UserId(), time.GetUtcNow()), ct);

    private static Task<CaseView> Reassign(
        Guid applicationId, ReassignRequest body, ClaimsPrincipal user, ReviewCases cases, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        new Validation()
            .Required(nameof(body.From), body.From)
            .Required(nameof(body.To), body.To)
            .Required(nameof(body.Reason), body.Reason)
            .MaxLength(nameof(body.Reason), body.Reason, MaxText)
            .ThrowIfInvalid();
        return Staff(cases, applicationId, user, context,
            async s => new ReassignReviewer(body.From!, body.To!, body.Reason!, await cases.Candidates(s, ct), user.UserId(), time.GetUtcNow()), ct);
    }

    private static Task<CaseView> ReplaceOverdue(Guid applicationId, ClaimsPrincipal user, ReviewCases cases, TimeProvider time, HttpContext context, CancellationToken ct) =>
        Staff(cases, applicationId, user, context, async s => new ReplaceOverdueReviewers(await cases.Candidates(s, ct), user.UserId(), time.GetUtcNow()), ct);

    private static Task<CaseView> RecordConsensus(
        Guid applicationId, ConsensusRequest body, ClaimsPrincipal user, ReviewCases cases, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        var validation = new Validation().Must(body.Marks is { Count: > 0 }, nameof(body.Marks), "must give a score for each criterion.");
        for (var i = 0; i < (body.Marks?.Count ?? 0); i++)
        {
            var mark = body.Marks![i];
            validation.Required($"marks[{i}].criterion", mark.Criterion)
                .Required($"marks[{i}].score", mark.Score)
                .Range($"marks[{i}].score", mark.Score, ScoreSheets.Lowest, ScoreSheets.Highest)
                .Required($"marks[{i}].justification", mark.Justification)
                .MaxLength($"marks[{i}].justification", mark.Justification, MaxText);
        }

        validation.ThrowIfInvalid();
        var marks = body.Marks!.Select(m => new ConsensusMark(m.Criterion!, m.Score!.Value, m.Justification!)).ToList();
        return Staff(cases, applicationId, user, context, _ => Task.FromResult<CaseCommand>(new RecordConsensus(marks, user.UserId(), time.GetUtcNow())), ct);
    }

    private static async Task<ReviewerCaseView> Declare(
        Guid applicationId, DeclarationRequest body, ClaimsPrincipal user, ReviewCases cases, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        new Validation()
            .Required(nameof(body.Conflict), body.Conflict)
            .Must(body.Conflict != true || !string.IsNullOrWhiteSpace(body.Reason), nameof(body.Reason), "is required when declaring a conflict.")
            .MaxLength(nameof(body.Reason), body.Reason, MaxText)
            .ThrowIfInvalid();
        var reviewer = user.UserId();
        var after = await cases.Run(applicationId, user.Metadata(applicationId), context.Request.IfMatch(),
            async s => new DeclareConflictOfInterest(reviewer, body.Conflict!.Value, body.Reason,
                body.Conflict!.Value ? await cases.Candidates(s, ct) : Candidates.None, time.GetUtcNow()),
            ct);
        context.Response.SetETag(after.Version);
        // Having declared a conflict, the reviewer is off the case: to them it no longer exists.
        return after.State.Assignments.TryGetValue(reviewer, out var mine)
            ? CaseViews.Reviewer(after.State, mine)
            : throw new StreamNotFoundException(applicationId);
    }

    private static async Task<ReviewerCaseView> Score(
        Guid applicationId, SheetRequest body, ClaimsPrincipal user, ReviewCases cases, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        var validation = new Validation()
            .Required(nameof(body.ContentHash), body.ContentHash)
            .Must(body.Marks is { Count: > 0 }, nameof(body.Marks), "must score each criterion.");
        for (var i = 0; i < (body.Marks?.Count ?? 0); i++)
        {
            var mark = body.Marks![i];
            validation.Required($"marks[{i}].criterion", mark.Criterion)
                .Required($"marks[{i}].score", mark.Score)
                .Range($"marks[{i}].score", mark.Score, ScoreSheets.Lowest, ScoreSheets.Highest)
                .Required($"marks[{i}].comment", mark.Comment)
                .MaxLength($"marks[{i}].comment", mark.Comment, MaxText);
        }

        validation.ThrowIfInvalid();
        var reviewer = user.UserId();
        var marks = body.Marks!.Select(m => new CriterionMark(m.Criterion!, m.Score!.Value, m.Comment!.Trim())).ToList();
        var after = await cases.Run(applicationId, user.Metadata(applicationId), context.Request.IfMatch(),
            _ => Task.FromResult<CaseCommand>(new SubmitScoreSheet(reviewer, body.ContentHash!, marks, time.GetUtcNow())), ct);
        context.Response.SetETag(after.Version);
        var mine = after.State.Assignments[reviewer];
        return CaseViews.Reviewer(after.State, mine);
    }

    private static async Task<CaseView> Staff(
        ReviewCases cases, Guid applicationId, ClaimsPrincipal user, HttpContext context, Func<ReviewCase, Task<CaseCommand>> command, CancellationToken ct)
    {
        var after = await cases.Run(applicationId, user.Metadata(applicationId), context.Request.IfMatch(), command, ct);
        context.Response.SetETag(after.Version);
        return CaseViews.Staff(after.State);
    }
}
