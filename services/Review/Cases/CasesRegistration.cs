using Grants.Contracts.Applications;
using Grants.Contracts.Reviews;
using Grants.Hosting.Scheduling;

namespace Grants.Review.Cases;

public static class CasesRegistration
{
    public static GrantsService AddCases(this GrantsService service)
    {
        service.Store.Types
            .Register<ReviewCaseOpened>("review.case_opened")
            .Register<ReviewerAssigned>("review.reviewer_assigned")
            .Register<ReviewerRemoved>("review.reviewer_removed")
            .Register<NoConflictDeclared>("review.no_conflict_declared")
            .Register<ConflictDeclared>("review.conflict_declared")
            .Register<ScoreSheetSubmitted>("review.score_sheet_submitted")
            .Register<ConsensusRequired>("review.consensus_required")
            .Register<ConsensusRecorded>("review.consensus_recorded")
            .Register<ReviewCaseCompleted>("review.case_completed")
            .Register<ReviewCaseCancelled>("review.case_cancelled")
            .Register<ReviewReminderSent>("review.reminder_sent")
            .Register<ReviewOverdue>("review.overdue");
        service.Audit.State<ReviewCase>(Api.Streams.Case);
        service.Store.InlineProjections.Add(new CaseIndex());
        service.Messaging.Consume<EligibilityDecidedConsumer, ApplicationEligibilityDecided>();
        service.Messaging.Consume<ApplicationWithdrawnConsumer, ApplicationWithdrawn>();
        service.Messaging.Publish<ReviewCaseCompleted, ReviewCompleted>((e, _) => new ReviewCompleted
        {
            CorrelationId = e.ApplicationId,
            ApplicationId = e.ApplicationId,
            CallId = e.CallId,
            ConsensusScores = [.. e.Scores.Select(s => new CriterionScore(s.Criterion, s.Score, s.PassedThreshold))],
            WeightedScore = e.WeightedScore,
            AllThresholdsPassed = e.AllThresholdsPassed,
            CommentsForApplicant = e.CommentsForApplicant,
            ContentHash = e.ContentHash,
        });
        // The content a reviewer scores is read from Applications, which must know who may read it.
        service.Messaging.Publish<NoConflictDeclared, ReviewerCleared>((e, stored) => new ReviewerCleared
        {
            CorrelationId = stored.StreamId,
            ApplicationId = stored.StreamId,
            ReviewerId = e.ReviewerId,
        });
        service.Messaging.Publish<ReviewerRemoved, ReviewerReleased>((e, stored) => new ReviewerReleased
        {
            CorrelationId = stored.StreamId,
            ApplicationId = stored.StreamId,
            ReviewerId = e.ReviewerId,
        });
        return service;
    }

    public static IServiceCollection AddReviewCases(this IServiceCollection services)
    {
        services.AddSingleton(CaseIndex.Migrations);
        services.AddSingleton<CaseQueries>();
        services.AddSingleton<ReviewCases>();
        services.AddScheduledCommand<ReviewReminderDue, SendReviewReminder>("review.reminder_due");
        services.AddScheduledCommand<ReviewDeadlinePassed, FlagOverdueReviewer>("review.deadline_passed");
        return services;
    }

    /// <summary>
    /// Due-date triggers are written in the transaction that assigns a reviewer; the scheduler they
    /// need exists only once the container is built, so they join the store's inline projections here.
    /// </summary>
    public static WebApplication ScheduleReviewDueDates(this WebApplication app)
    {
        app.Services.GetRequiredService<EventStoreOptions>().InlineProjections.Add(
            ReviewDueDates.Projection(app.Services.GetRequiredService<ICommandScheduler>()));
        return app;
    }
}
