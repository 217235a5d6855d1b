using System.Security.Claims;
using Grants.Contracts.Organisations;
using Npgsql;

namespace Grants.Applications.Organisations;

public sealed record OrganisationView(
    Guid Id, OrganisationProfile Profile, BankAccount? BankAccount, bool BankAccountVerified, BankAccount? PendingBankAccount);

public sealed record OrganisationSummary(Guid Id, string LegalName, string RegistrationNumber, string Country, bool BankAccountVerified);

public static class OrganisationEndpoints
{
    public static IEndpointRouteBuilder MapOrganisations(this IEndpointRouteBuilder app)
    {
        var organisations = app.MapGroup("/organisations").WithTags("Organisations");
        organisations.MapPost("", Register).RequireAuthorization(GrantsPolicies.Applicant).WithIdempotencyKey();
        organisations.MapGet("", List).RequireAuthorization(GrantsPolicies.Records);
        organisations.MapGet("/bank-account-changes", BankAccountChanges).RequireAuthorization(GrantsPolicies.Records);
        organisations.MapGet("/{id:guid}", Get).RequireAuthorization(GrantsPolicies.Records);
        organisations.MapPut("/{id:guid}", Update).RequireAuthorization(GrantsPolicies.Applicant);
        organisations.MapPost("/{id:guid}/bank-account/verify", Verify).RequireAuthorization(GrantsPolicies.Officer);
        return app;
    }

    /// <summary>The organisation is the one the applicant's token names: that is how a user is bound to it.</summary>
    private static async Task<IResult> Register(OrganisationRequest body, EventStore store, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var id = user.ApplicantOrganisation() ?? throw new RequestRejectedException(
            StatusCodes.Status403Forbidden, "organisation.unbound", "Your token names no organisation (claim 'org') to register.");
        var (profile, account) = body.Validate(registering: true);
        var session = store.OpenSession(Actors.Metadata(user, id));
        var command = new OrganisationCommand.Register(id, profile, account, Actors.Of(user), time.GetUtcNow());
        var current = await session.FetchForWriting<Organisation>(id, ct);
        var events = OrganisationDecider.Decide(command, current.State);
        session.StartStream(id, "organisation", events);
        var registration = DeterministicIds.For("organisation-registration", Organisation.RegistrationKey(profile.RegistrationNumber, profile.Country));
        session.StartStream(registration, "organisation-registration", new RegistrationNumberClaimed(id, profile.RegistrationNumber, profile.Country));
        var binding = DeterministicIds.For("applicant-binding", user.UserId());
        session.StartStream(binding, "applicant-binding", new ApplicantBound(id, user.UserId()));
        try
        {
            await session.SaveChanges(ct);
        }
        catch (StreamAlreadyExistsException e) when (e.StreamId == registration)
        {
            throw new DomainException("organisation.registration_number_taken",
                $"An organisation with registration number {profile.RegistrationNumber} in {profile.Country} is already registered.", DomainErrorKind.Conflict);
        }
        catch (StreamAlreadyExistsException e) when (e.StreamId == binding)
        {
            throw new DomainException("applicant.already_bound", "Your user is already bound to another organisation.", DomainErrorKind.Conflict);
        }

        var state = Streams.Fold(current, events);
        http.Response.SetETag(state.Version);
        return TypedResults.Created($"/organisations/{id}", View(state.State));
    }

    private static async Task<OrganisationView> Update(
        Guid id, OrganisationRequest body, EventStore store, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        user.EnsureMaySee(id, id);
        var expected = http.Request.ExpectedVersion();
        var (profile, account) = body.Validate(registering: false);
        var command = new OrganisationCommand.Update(profile.LegalName, profile.LegalForm, profile.Address, profile.Contact, account, Actors.Of(user), time.GetUtcNow());
        var state = await Streams.Decide<Organisation>(store.OpenSession(Actors.Metadata(user, id)), id, "organisation", expected, s => OrganisationDecider.Decide(command, s), ct);
        http.Response.SetETag(state.Version);
        return View(state.State);
    }

    private static async Task<OrganisationView> Verify(Guid id, EventStore store, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var expected = http.Request.Headers.IfMatch.Count > 0 ? http.Request.ExpectedVersion() : (long?)null;
        var command = new OrganisationCommand.VerifyBankAccount(Actors.Of(user), time.GetUtcNow());
        var state = await Streams.Decide<Organisation>(store.OpenSession(Actors.Metadata(user, id)), id, "organisation", expected, s => OrganisationDecider.Decide(command, s), ct);
        http.Response.SetETag(state.Version);
        return View(state.State);
    }

    private static async Task<OrganisationView> Get(Guid id, EventStore store, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        user.EnsureMaySee(id, id);
        var state = await store.AggregateStream<Organisation>(id, ct: ct);
        if (!state.State.IsRegistered)
        {
            throw new StreamNotFoundException(id);
        }

        http.Response.SetETag(state.Version);
        return View(state.State);
    }

    /// <summary>Staff see every organisation (and can ask for those whose bank details await verification); an applicant only its own.</summary>
    private static async Task<Paged<OrganisationSummary>> List(
        PageRequest page, bool? bankAccountVerified, NpgsqlDataSource db, EventStoreOptions options, ClaimsPrincipal user, CancellationToken ct)
    {
        var applicant = user.IsInRole(GrantsRoles.Applicant);
        await using var command = db.CreateCommand($"""
            select id, legal_name, registration_number, country, bank_verified, count(*) over ()
            from {options.Schema}.organisations
            where ($1::boolean is null or bank_verified = $1) and (not $2 or id = $3)
            order by legal_name, id limit $4 offset $5
            """).With(bankAccountVerified, applicant, user.ApplicantOrganisation() ?? Guid.Empty, page.PageSize, page.Offset);
        command.Parameters[0].NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Boolean;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<OrganisationSummary>();
        var total = 0L;
        while (await reader.ReadAsync(ct))
        {
            items.Add(new OrganisationSummary(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4)));
            total = reader.GetInt64(5);
        }

        return page.Of(items, total);
    }

    /// <summary>
    /// The organisations whose new bank details await a second person, each in full (the account on
    /// file beside the new one), read in one round trip: the officer's verification queue.
    /// </summary>
    private static async Task<Paged<OrganisationView>> BankAccountChanges(
        PageRequest page, EventStore store, NpgsqlDataSource db, EventStoreOptions options, ClaimsPrincipal user, CancellationToken ct)
    {
        var pending = await List(page, bankAccountVerified: false, db, options, user, ct);
        var batch = store.CreateBatchQuery();
        var reads = pending.Items.Select(o => batch.AggregateStream<Organisation>(o.Id)).ToList();
        await batch.Execute(ct);
        var items = new List<OrganisationView>(reads.Count);
        foreach (var read in reads)
        {
            items.Add(View((await read).State));
        }

        return page.Of(items, pending.Total);
    }

    private static OrganisationView View(Organisation o) => new(o.Id, o.Profile!, o.VerifiedAccount, o.Pending is null, o.Pending?.Account);
}
