using Grants.Hosting.Scheduling;
using Contract = Grants.Contracts.Calls;

namespace Grants.Applications.Calls;

public static class CallsModule
{
    public static GrantsService AddCalls(this GrantsService service, IServiceCollection services)
    {
        service.Store.Types
            .Register<CallDrafted>("call.drafted")
            .Register<CallEdited>("call.edited")
            .Register<CallOpened>("call.opened")
            .Register<CallClosed>("call.closed");
        service.Audit.State<Call>("call");
        service.Store.InlineProjections.Add(new CallList());
        service.Messaging
            .Publish<CallOpened, Contract.CallOpened>((e, _) => new Contract.CallOpened
            {
                CallId = e.CallId,
                CorrelationId = e.CallId,
                Reference = e.Reference,
                Title = e.Title,
                Rules = ToContract(e.Rules, e.RulesVersion),
                OpenedBy = e.OpenedBy,
            })
            .Publish<CallClosed, Contract.CallClosed>((e, _) => new Contract.CallClosed
            {
                CallId = e.CallId,
                CorrelationId = e.CallId,
                ClosedAt = e.At,
                ClosedEarly = e.Early,
                Reason = e.Reason,
                ClosedBy = e.ClosedBy,
            });
        services.AddSingleton(CallList.Migrations);
        services.AddScheduledCommand<CloseCallAtDeadline, CloseCallAtDeadlineHandler>(CloseCallAtDeadlineHandler.Name);
        services.AddEventSchedule("call-deadlines", CloseCallAtDeadlineHandler.Schedule, typeof(CallOpened), typeof(CallClosed));
        return service;
    }

    private static Contract.CallRules ToContract(CallRules r, int version) => new()
    {
        RulesVersion = version,
        ByInvitationOnly = r.ByInvitationOnly,
        InvitedOrganisationIds = r.InvitedOrganisations,
        Themes = r.Themes,
        Countries = r.Countries,
        Envelope = r.Envelope,
        MinimumGrant = r.MinimumGrant,
        MaximumGrant = r.MaximumGrant,
        MaxDurationMonths = r.MaxDurationMonths,
        MaxApplicationsPerOrganisation = r.MaxApplicationsPerOrganisationPerYear,
        IndirectCostCapPercent = r.IndirectCostCapPercent,
        Criteria = [.. r.Criteria.Select(c => new Contract.ReviewCriterion(c.Name, c.Weight, c.Threshold))],
        OverallThreshold = r.OverallThreshold,
        ReviewersPerApplication = r.ReviewersPerApplication,
        SubmissionDeadline = r.SubmissionDeadline,
        TimeZone = r.TimeZone,
        OpenGrantBlocksApplication = r.OpenGrantBlocksApplication,
        Payments = r.Payments,
        ReportPlan = new Contract.ReportSchedule(
            r.ReportPlan.InterimEveryMonths, r.ReportPlan.FinalMonthsAfterEnd, r.ReportPlan.ReminderDaysBefore, r.ReportPlan.AuditRequiredFrom),
        ClarificationReplyDays = r.ClarificationReplyDays,
    };
}
