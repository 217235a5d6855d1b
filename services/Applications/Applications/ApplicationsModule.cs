using Contract = Grants.Contracts.Applications;

namespace Grants.Applications.Applications;

public static class ApplicationsModule
{
    public static GrantsService AddApplications(this GrantsService service, IServiceCollection services)
    {
        service.Store.Types
            .Register<ApplicationDrafted>("application.drafted")
            .Register<DraftUpdated>("application.draft_updated")
            .Register<AttachmentAdded>("application.attachment_added")
            .Register<AttachmentRemoved>("application.attachment_removed")
            .Register<ApplicationSubmittedEvent>("application.submitted")
            .Register<ClarificationRequested>("application.clarification_requested")
            .Register<ClarificationAnswered>("application.clarification_answered")
            .Register<EligibilityDecided>("application.eligibility_decided")
            .Register<ApplicationWithdrawnEvent>("application.withdrawn")
            .Register<SubmissionCounted>("submission_quota.counted")
            .Register<SubmissionReleased>("submission_quota.released")
            .Register<ReviewerClearedEvent>("reviewer_access.cleared")
            .Register<ReviewerReleasedEvent>("reviewer_access.released");
        service.Audit.State<Application>(ApplicationStreams.StreamType).State<SubmissionQuota>(SubmissionQuota.StreamType)
            .State<ReviewerAccess>(ReviewerAccess.StreamType);
        service.Store.InlineProjections.Add(new ApplicationList());
        service.Messaging
            .Publish<ApplicationSubmittedEvent, Contract.ApplicationSubmitted>((e, _) => new Contract.ApplicationSubmitted
            {
                ApplicationId = e.ApplicationId,
                CorrelationId = e.ApplicationId,
                CallId = e.CallId,
                OrganisationId = e.OrganisationId,
                Title = e.Content.Title,
                Theme = e.Content.Theme!,
                Countries = e.Content.Countries,
                RequestedAmount = e.Content.Requested,
                StartDate = e.Content.StartDate!.Value,
                EndDate = e.Content.EndDate!.Value,
                Partners = [.. e.Content.Partners.Select(p => new Contract.Partner(p.Name, p.Country, p.Role))],
                ContentHash = e.ContentHash,
                SubmittedAt = e.At,
            })
            .Publish<EligibilityDecided, Contract.ApplicationEligibilityDecided>((e, _) => new Contract.ApplicationEligibilityDecided
            {
                ApplicationId = e.ApplicationId,
                CorrelationId = e.ApplicationId,
                CallId = e.CallId,
                OrganisationId = e.OrganisationId,
                Eligible = e.Eligible,
                Reasons = [e.Justification],
                Overridden = e.Overridden,
                Theme = e.Theme,
                RequestedAmount = e.RequestedAmount,
                ContentHash = e.ContentHash,
                SubmittedAt = e.SubmittedAt,
                DecidedBy = e.By,
            })
            .Publish<ApplicationWithdrawnEvent, Contract.ApplicationWithdrawn>((e, _) => new Contract.ApplicationWithdrawn
            {
                ApplicationId = e.ApplicationId,
                CorrelationId = e.ApplicationId,
                CallId = e.CallId,
                OrganisationId = e.OrganisationId,
                Reason = e.Reason,
                WithdrawnBy = e.By,
            })
            .Consume<ReviewerClearedConsumer, global::Grants.Contracts.Reviews.ReviewerCleared>()
            .Consume<ReviewerReleasedConsumer, global::Grants.Contracts.Reviews.ReviewerReleased>();
        services.AddSingleton(ApplicationList.Migrations);
        services.AddSingleton(AttachmentFiles.Migrations);
        services.AddSingleton<AttachmentFiles>();
        services.AddSingleton<ApplicationQueries>();
        services.AddSingleton<Calls.CallSnapshots>();
        return service;
    }
}
