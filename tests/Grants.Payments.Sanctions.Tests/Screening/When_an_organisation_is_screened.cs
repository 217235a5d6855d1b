using Grants.Hosting.Http;
using Grants.Payments.Sanctions.Screening;

namespace Grants.Payments.Sanctions.Tests.Screening;

public sealed class When_an_organisation_is_screened
{
    private static readonly Guid Organisation = Guid.Parse("0b6f3c55-8a3e-4c55-9b0e-5c2d1a7e9f10");
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly string[] Versions = ["EU:2026-12-01T17:40:51Z:aaaaaaaaaaaa", "UN:2026-11-30T23:00:03Z:bbbbbbbbbbbb"];

    private static readonly ListMatch NourAlias =
        new("Nour Relief & Development Foundation", "UN", "6908950", "QDe.950", "fp-1", "Nour Relief and Development Foundation", 0.97);

    private static ScreeningSubject Registered(string name = "Nour Relief & Development Foundation", string? holder = "Nour Relief & Development Foundation") =>
        Given(ScreeningDecider.Decide(new RecordOrganisation(Organisation, name, holder, Now, Now), ScreeningSubject.Initial));

    private static RecordScreening Screening(params ListMatch[] matches) => new(Organisation, "test", Versions, matches, Now);

    [Fact]
    public void Should_clear_an_organisation_without_hits_and_record_the_list_versions_used()
    {
        var screened = Single<OrganisationScreened>(ScreeningDecider.Decide(Screening(), Registered("Caritas Kivu", "Caritas Kivu")));

        Assert.True(screened.Cleared);
        Assert.Equal(Versions, screened.ListVersions);
        Assert.Equal([new ScreenedName("Caritas Kivu", NameRoles.Organisation)], screened.Names);
        Assert.Empty(screened.Hits);
    }

    [Fact]
    public void Should_block_on_an_undecided_hit_and_name_it_in_the_verdict()
    {
        var state = Registered();

        var screened = Single<OrganisationScreened>(ScreeningDecider.Decide(Screening(NourAlias), state));
        var verdict = ScreeningVerdicts.Of(Given(state, screened));

        Assert.False(screened.Cleared);
        var hit = Assert.Single(screened.Hits);
        Assert.Equal(HitStatus.Undecided, hit.Status);
        Assert.Equal(NameRoles.Organisation, hit.Role);
        Assert.False(verdict.Cleared);
        Assert.StartsWith("sanctions_hit:", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("QDe.950", verdict.Reason, StringComparison.Ordinal);
        Assert.Equal(Versions, verdict.ListVersions);
    }

    [Fact]
    public void Should_screen_partners_and_the_account_holder_as_well_as_the_legal_name()
    {
        var state = Given(
            Registered("Caritas Kivu", "Eric Mbeke"),
            Single<PartnersRecorded>(ScreeningDecider.Decide(new RecordPartners(Organisation, Guid.NewGuid(), ["Kivu Minerals Trading", " Caritas Kivu "], Now), Registered("Caritas Kivu", "Eric Mbeke"))));

        Assert.Equal(
            [new("Caritas Kivu", NameRoles.Organisation), new("Eric Mbeke", NameRoles.AccountHolder), new("Kivu Minerals Trading", NameRoles.Partner)],
            state.Names);
    }

    [Fact]
    public void Should_clear_after_a_false_positive_and_remember_it_for_the_same_name_and_entry()
    {
        var state = Given(Registered(), ScreeningDecider.Decide(Screening(NourAlias), Registered()).ToArray());
        var hitId = state.Hits[0].HitId;

        var dismissed = Single<SanctionsHitDismissed>(ScreeningDecider.Decide(
            new DecideHit(Organisation, hitId, Confirmed: false, "Registered Belgian ASBL since 1998, different founders and address.", "fiona", Now), state));
        state = Given(state, dismissed);
        var again = Single<OrganisationScreened>(ScreeningDecider.Decide(Screening(NourAlias), state));

        Assert.True(ScreeningVerdicts.Of(state).Cleared);
        Assert.True(again.Cleared);
        Assert.Equal(HitStatus.FalsePositive, Assert.Single(again.Hits).Status);
    }

    [Fact]
    public void Should_ask_again_when_the_list_entry_changed_since_the_false_positive()
    {
        var state = Given(Registered(), ScreeningDecider.Decide(Screening(NourAlias), Registered()).ToArray());
        state = Given(state, ScreeningDecider.Decide(
            new DecideHit(Organisation, state.Hits[0].HitId, false, "Different organisation, checked the statutes.", "fiona", Now), state).ToArray());

        var changed = Single<OrganisationScreened>(ScreeningDecider.Decide(Screening(NourAlias with { EntryFingerprint = "fp-2" }), state));

        Assert.False(changed.Cleared);
        Assert.Equal(HitStatus.Undecided, Assert.Single(changed.Hits).Status);
    }

    [Fact]
    public void Should_escalate_a_confirmed_hit_and_stay_blocked_even_when_later_screenings_no_longer_find_it()
    {
        var state = Given(Registered(), ScreeningDecider.Decide(Screening(NourAlias), Registered()).ToArray());

        var confirmed = Single<SanctionsHitConfirmed>(ScreeningDecider.Decide(
            new DecideHit(Organisation, state.Hits[0].HitId, Confirmed: true, "Same registered address as the listed front.", "fiona", Now), state));
        state = Given(state, confirmed);
        var later = Single<OrganisationScreened>(ScreeningDecider.Decide(Screening(), state));
        state = Given(state, later);

        Assert.Equal("QDe.950", confirmed.Reference);
        Assert.False(later.Cleared);
        var verdict = ScreeningVerdicts.Of(state);
        Assert.False(verdict.Cleared);
        Assert.StartsWith("sanctions_confirmed:", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_to_dismiss_a_confirmed_hit()
    {
        var state = Given(Registered(), ScreeningDecider.Decide(Screening(NourAlias), Registered()).ToArray());
        var hitId = state.Hits[0].HitId;
        state = Given(state, ScreeningDecider.Decide(new DecideHit(Organisation, hitId, true, "Confirmed by the compliance unit.", "fiona", Now), state).ToArray());

        var error = Assert.Throws<DomainException>(() =>
            ScreeningDecider.Decide(new DecideHit(Organisation, hitId, false, "Actually a different organisation.", "fiona", Now), state));

        Assert.Equal("sanctions.hit_already_confirmed", error.Code);
        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void Should_change_nothing_when_the_same_decision_is_taken_twice()
    {
        var state = Given(Registered(), ScreeningDecider.Decide(Screening(NourAlias), Registered()).ToArray());
        var decision = new DecideHit(Organisation, state.Hits[0].HitId, false, "Different organisation, checked the statutes.", "fiona", Now);
        state = Given(state, ScreeningDecider.Decide(decision, state).ToArray());

        Assert.Empty(ScreeningDecider.Decide(decision, state));
    }

    [Fact]
    public void Should_refuse_a_decision_without_justification_or_on_an_unknown_hit()
    {
        var state = Given(Registered(), ScreeningDecider.Decide(Screening(NourAlias), Registered()).ToArray());

        Assert.Equal("sanctions.justification_required", Assert.Throws<DomainException>(() =>
            ScreeningDecider.Decide(new DecideHit(Organisation, state.Hits[0].HitId, false, "  ok  ", "fiona", Now), state)).Code);
        var unknown = Assert.Throws<DomainException>(() =>
            ScreeningDecider.Decide(new DecideHit(Organisation, Guid.NewGuid(), false, "Different organisation entirely.", "fiona", Now), state));
        Assert.Equal("sanctions.hit_not_found", unknown.Code);
        Assert.Equal(DomainErrorKind.NotFound, unknown.Kind);
    }

    [Fact]
    public void Should_block_when_no_list_was_used_or_the_organisation_is_unknown()
    {
        var noLists = Single<OrganisationScreened>(ScreeningDecider.Decide(new RecordScreening(Organisation, "test", [], [], Now), Registered("Caritas Kivu", null)));

        Assert.False(noLists.Cleared);
        Assert.False(ScreeningVerdicts.Of(ScreeningSubject.Initial).Cleared);
        Assert.Equal("sanctions.organisation_unknown", Assert.Throws<DomainException>(() =>
            ScreeningDecider.Decide(Screening(), ScreeningSubject.Initial)).Code);
    }

    [Fact]
    public void Should_record_nothing_when_names_and_partners_are_unchanged()
    {
        var state = Registered("Caritas Kivu", "Caritas Kivu");
        var application = Guid.NewGuid();
        state = Given(state, ScreeningDecider.Decide(new RecordPartners(Organisation, application, ["Kivu Women"], Now), state).ToArray());

        Assert.Empty(ScreeningDecider.Decide(new RecordOrganisation(Organisation, "Caritas Kivu ", "Caritas Kivu", Now, Now), state));
        Assert.Empty(ScreeningDecider.Decide(new RecordPartners(Organisation, application, ["Kivu Women"], Now), state));
        Assert.Single(ScreeningDecider.Decide(new RecordOrganisation(Organisation, "Caritas Kivu", "Jean Mukendi", Now, Now), state));
    }

    [Fact]
    public void Should_ignore_names_older_than_those_recorded_when_messages_arrive_out_of_order()
    {
        var renamed = Registered("Caritas Kivu Renamed", "Caritas Kivu Renamed");

        Assert.Empty(ScreeningDecider.Decide(new RecordOrganisation(Organisation, "Caritas Kivu", "Caritas Kivu", Now.AddDays(-1), Now), renamed));
        Assert.Single(ScreeningDecider.Decide(new RecordOrganisation(Organisation, "Caritas Kivu Again", "Caritas Kivu", Now.AddDays(1), Now), renamed));
    }

    private static T Single<T>(IReadOnlyList<object> events) => Assert.IsType<T>(Assert.Single(events));

    private static ScreeningSubject Given(IEnumerable<object> events) => events.Aggregate(ScreeningSubject.Initial, ScreeningSubject.Evolve);

    private static ScreeningSubject Given(ScreeningSubject state, params object[] events) => events.Aggregate(state, ScreeningSubject.Evolve);
}
