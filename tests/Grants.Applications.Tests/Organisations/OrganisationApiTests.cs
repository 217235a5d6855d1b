using System.Net;
using Grants.Contracts.Organisations;

namespace Grants.Applications.Tests.Organisations;

public sealed class OrganisationApiTests(AppHost host) : IClassFixture<AppHost>
{
    [Fact]
    public async Task Should_register_publish_and_verify_bank_details_by_a_second_person()
    {
        await using var registered = await BusProbe.Listen<OrganisationRegistered>(host.RabbitMq);
        await using var updated = await BusProbe.Listen<OrganisationUpdated>(host.RabbitMq);
        var id = Guid.NewGuid();
        using var applicant = host.Applicant(id, "ann");

        var created = await (await applicant.Post("/organisations", OrganisationSteps.Request("BE-0001"))).Json200(HttpStatusCode.Created);
        Assert.False(created.GetProperty("bankAccountVerified").GetBoolean());
        var message = await registered.Next();
        Assert.Equal((id, "BE71096123456769"), (message.GetProperty("organisationId").GetGuid(), message.GetProperty("bankAccount").GetProperty("iban").GetString()));

        using var officer = host.Officer("olivia");
        var verified = await (await officer.Post($"/organisations/{id}/bank-account/verify")).Json200();
        Assert.True(verified.GetProperty("bankAccountVerified").GetBoolean());
        Assert.True((await updated.Next()).GetProperty("bankAccountVerified").GetBoolean());

        var read = await applicant.Get($"/organisations/{id}");
        var changed = await applicant.Put($"/organisations/{id}", OrganisationSteps.Request("BE-0001", "GB82WEST12345698765432"), read.ETag());
        var pending = await changed.Json200();
        Assert.False(pending.GetProperty("bankAccountVerified").GetBoolean());
        Assert.Equal("BE71096123456769", pending.GetProperty("bankAccount").GetProperty("iban").GetString());
        Assert.Equal("GB82WEST12345698765432", pending.GetProperty("pendingBankAccount").GetProperty("iban").GetString());
        var unverified = await updated.Next();
        Assert.Equal((false, "GB82WEST12345698765432"), (unverified.GetProperty("bankAccountVerified").GetBoolean(), unverified.GetProperty("bankAccount").GetProperty("iban").GetString()));
        await (await applicant.Put($"/organisations/{id}", OrganisationSteps.Request("BE-0001"), read.ETag()))
            .Problem(HttpStatusCode.PreconditionFailed, "stream.concurrency_conflict");
    }

    [Fact]
    public async Task Should_refuse_a_second_organisation_with_the_same_registration_number_and_country()
    {
        using var first = host.Applicant(Guid.NewGuid(), "first");
        using var second = host.Applicant(Guid.NewGuid(), "second");
        await (await first.Post("/organisations", OrganisationSteps.Request("0123.456.789"))).Json200(HttpStatusCode.Created);

        var duplicate = await second.Post("/organisations", OrganisationSteps.Request("0123 456 789"));

        await duplicate.Problem(HttpStatusCode.Conflict, "organisation.registration_number_taken");
        Assert.Equal(1L, await host.Scalar<long>("select count(*) from {s}.organisations where registration_number like '0123%'"));
    }

    [Fact]
    public async Task Should_bind_an_applicant_user_to_one_organisation()
    {
        using var first = host.Applicant(Guid.NewGuid(), "bound-user");
        using var again = host.Applicant(Guid.NewGuid(), "bound-user");
        await (await first.Post("/organisations", OrganisationSteps.Request("BOUND-1"))).Json200(HttpStatusCode.Created);

        await (await again.Post("/organisations", OrganisationSteps.Request("BOUND-2"))).Problem(HttpStatusCode.Conflict, "applicant.already_bound");
    }

    [Fact]
    public async Task Should_list_a_bank_detail_change_for_verification_in_full_until_it_is_verified_once()
    {
        var id = await host.RegisterOrganisation();
        using var officer = host.Officer("olivia");
        using var applicant = host.Applicant(id, "changer");
        var read = await applicant.Get($"/organisations/{id}");
        await (await applicant.Put($"/organisations/{id}", OrganisationSteps.Request($"REG-{id:N}", "GB82WEST12345698765432"), read.ETag())).Json200();

        var queue = await (await officer.Get("/organisations/bank-account-changes?pageSize=100")).Json200();
        var waiting = Assert.Single(queue.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == id);
        Assert.Equal(
            ("BE71096123456769", "GB82WEST12345698765432"),
            (waiting.GetProperty("bankAccount").GetProperty("iban").GetString(), waiting.GetProperty("pendingBankAccount").GetProperty("iban").GetString()));
        await (await officer.Post($"/organisations/{id}/bank-account/verify")).Json200();
        await (await officer.Post($"/organisations/{id}/bank-account/verify")).Problem(HttpStatusCode.UnprocessableEntity, "organisation.no_pending_bank_change");
        var after = await (await officer.Get("/organisations/bank-account-changes?pageSize=100")).Json200();
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Should_reject_bad_input_listing_every_field_and_record_nothing()
    {
        var id = Guid.NewGuid();
        using var applicant = host.Applicant(id);

        var response = await applicant.Post("/organisations", new
        {
            legalName = new string('x', 1_000_000),
            registrationNumber = "",
            country = "ZZ",
            legalForm = "asbl",
            address = new { street = "Rue", postalCode = "1000", city = "Brussels", country = "BE" },
            contact = new { name = "Ann", email = "not-an-email" },
            bankAccount = new { iban = "BE71096123456768", bic = "NOPE", holderName = "Ann" },
        });

        var problem = await response.Problem(HttpStatusCode.BadRequest, ProblemCodes.Invalid);
        Assert.Equal(["bankAccount.bic", "bankAccount.iban", "contact.email", "country", "legalName", "registrationNumber"], problem.Fields());
        await (await applicant.Get($"/organisations/{id}")).Problem(HttpStatusCode.NotFound, "stream.not_found");
    }

    [Fact]
    public async Task Should_show_an_applicant_only_its_own_organisation()
    {
        var mine = await host.RegisterOrganisation();
        var theirs = await host.RegisterOrganisation();
        using var applicant = host.Applicant(mine);

        await (await applicant.Get($"/organisations/{theirs}")).Problem(HttpStatusCode.NotFound, "stream.not_found");
        var list = await (await applicant.Get("/organisations")).Json200();
        Assert.Equal(mine, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        using var officer = host.Officer();
        Assert.Equal(HttpStatusCode.OK, (await officer.Get($"/organisations/{theirs}")).StatusCode);
    }
}
