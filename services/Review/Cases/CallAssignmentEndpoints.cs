using System.Security.Claims;
using Grants.Review.Api;
using Grants.Review.Calls;

namespace Grants.Review.Cases;

/// <param name="Assigned">Cases that received at least one reviewer.</param>
/// <param name="StillShort">Cases for which the pool had nobody free of conflicts in their theme; enlist reviewers and run again.</param>
public sealed record CallAssignmentResult(IReadOnlyList<Guid> Assigned, IReadOnlyList<Guid> StillShort);

/// <summary>The cases of a call, and assigning reviewers to all of them at once, the load spread as each case is filled.</summary>
public static class CallAssignmentEndpoints
{
    public static WebApplication MapCallAssignments(this WebApplication app)
    {
        var calls = app.MapGroup("/calls/{callId:guid}").WithTags("Cases");
        calls.MapGet("/cases", List).RequireAuthorization(GrantsPolicies.Read);
        calls.MapPost("/assignments", AssignAll).RequireAuthorization(GrantsPolicies.Officer);
        return app;
    }

    /// <summary>The call's cases, or those in one status (the officer's consensus queue is the cases awaiting one).</summary>
    private static Task<Paged<CaseSummary>> List(
        Guid callId, CaseStatus? status, ClaimsPrincipal user, CaseQueries queries, PageRequest page, CancellationToken ct)
    {
        user.EnsureStaff(callId);
        return queries.InCall(callId, status, page, ct);
    }

    /// <summary>One case after the other, each with the load as the previous ones left it, so the work spreads over the pool.</summary>
    private static async Task<CallAssignmentResult> AssignAll(
        Guid callId, ClaimsPrincipal user, EventStore store, CaseQueries queries, ReviewCases cases, TimeProvider time, CancellationToken ct)
    {
        var call = (await store.AggregateStream<CallReview>(callId, ct: ct)).State;
        var assigned = new List<Guid>();
        var stillShort = new List<Guid>();
        foreach (var applicationId in await queries.ShortOfReviewers(callId, call.Known.Review.ReviewersNeeded, ct))
        {
            try
            {
                await cases.Run(applicationId, user.Metadata(applicationId), null,
                    async s => new AssignReviewers(await queries.Candidates(call, s.Details.OrganisationId, ct), user.UserId(), time.GetUtcNow()), ct);
                assigned.Add(applicationId);
            }
            catch (DomainException e) when (e.Code == ReviewCaseDecider.NoReviewerAvailable)
            {
                stillShort.Add(applicationId);
            }
        }

        return new CallAssignmentResult(assigned, stillShort);
    }
}
