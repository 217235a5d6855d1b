using Contract = Grants.Contracts.Organisations;

namespace Grants.Applications.Organisations;

public static class OrganisationsModule
{
    public static GrantsService AddOrganisations(this GrantsService service, IServiceCollection services)
    {
        service.Store.Types
            .Register<OrganisationRegisteredEvent>("organisation.registered")
            .Register<OrganisationProfileUpdated>("organisation.profile_updated")
            .Register<BankAccountChangeRequested>("organisation.bank_account_change_requested")
            .Register<BankAccountVerified>("organisation.bank_account_verified")
            .Register<RegistrationNumberClaimed>("organisation.registration_number_claimed")
            .Register<ApplicantBound>("organisation.applicant_bound");
        service.Audit.State<Organisation>("organisation");
        service.Store.InlineProjections.Add(new OrganisationList());
        service.Messaging
            .Publish<OrganisationRegisteredEvent, Contract.OrganisationRegistered>((e, _) => new Contract.OrganisationRegistered
            {
                OrganisationId = e.OrganisationId,
                CorrelationId = e.OrganisationId,
                LegalName = e.Profile.LegalName,
                RegistrationNumber = e.Profile.RegistrationNumber,
                Country = e.Profile.Country,
                BankAccount = e.BankAccount,
                BankAccountVerified = false,
            })
            .Publish<OrganisationProfileUpdated, Contract.OrganisationUpdated>((e, _) => Updated(e.OrganisationId, e.Profile, e.AccountOnFile, e.AccountVerified, e.UpdatedBy))
            .Publish<BankAccountChangeRequested, Contract.OrganisationUpdated>((e, _) => Updated(e.OrganisationId, e.Profile, e.Account, false, e.RequestedBy))
            .Publish<BankAccountVerified, Contract.OrganisationUpdated>((e, _) => Updated(e.OrganisationId, e.Profile, e.Account, true, e.VerifiedBy));
        services.AddSingleton(OrganisationList.Migrations);
        return service;
    }

    private static Contract.OrganisationUpdated Updated(Guid id, OrganisationProfile profile, Contract.BankAccount account, bool verified, Actor by) => new()
    {
        OrganisationId = id,
        CorrelationId = id,
        LegalName = profile.LegalName,
        Country = profile.Country,
        BankAccount = account,
        BankAccountVerified = verified,
        UpdatedBy = by,
    };
}
