using Grants.EventSourcing;
using Grants.Hosting.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Grants.Http.Tests;

public sealed record CreateThing(string? Title, decimal? Amount, string? Currency);

public sealed record RenameThing(string? Title);

public sealed record RenameThingFrom(string? Title, long BasedOn);

public sealed record ThingView(Guid Id, string Title, decimal Amount, string Currency);

/// <summary>A slice written the way feature endpoints will be: parse and validate, load, decide, append, answer with the version.</summary>
public static class ThingEndpoints
{
    public static void MapThings(this IEndpointRouteBuilder endpoints)
    {
        var things = endpoints.MapGroup("/test/things");
        things.MapPost("", Create).WithIdempotencyKey();
        things.MapPost("/slow", CreateSlowly).WithIdempotencyKey();
        things.MapGet("/{id:guid}", Get);
        things.MapPut("/{id:guid}/title", Rename);
        things.MapPost("/{id:guid}/renames", RenameFromVersionInBody);
    }

    private static async Task<IResult> Create(CreateThing body, EventStore store, HttpContext context, CancellationToken ct)
    {
        new Validation()
            .Required(nameof(body.Title), body.Title)
            .MaxLength(nameof(body.Title), body.Title, 200)
            .Required(nameof(body.Amount), body.Amount)
            .Range(nameof(body.Amount), body.Amount, 0.01m, 1_000_000_000m)
            .Required(nameof(body.Currency), body.Currency)
            .Must(body.Currency is null || (body.Currency.Length == 3 && body.Currency.All(char.IsAsciiLetterUpper)),
                nameof(body.Currency), "must be an ISO 4217 code such as EUR.")
            .ThrowIfInvalid();
        if (body.Title!.Contains("forbidden", StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("thing.title_forbidden", "A thing may not be called forbidden.");
        }

        var id = Guid.NewGuid();
        var created = new ThingCreated(body.Title, body.Amount!.Value, body.Currency!);
        var session = store.OpenSession(new EventMetadata());
        session.StartStream(id, "thing", created);
        await session.SaveChanges(ct);
        context.Response.SetETag(1);
        return TypedResults.Created($"/test/things/{id}", View(id, Thing.Evolve(Thing.Initial, created)));
    }

    private static async Task<IResult> CreateSlowly(CreateThing body, EventStore store, Gate gate, HttpContext context, CancellationToken ct)
    {
        gate.Entered.TrySetResult();
        await gate.Released.Task.WaitAsync(ct);
        return await Create(body, store, context, ct);
    }

    private static async Task<ThingView> Get(Guid id, EventStore store, HttpContext context, CancellationToken ct)
    {
        var thing = await store.AggregateStream<Thing>(id, ct: ct);
        context.Response.SetETag(thing.Version);
        return View(id, thing.State);
    }

    private static async Task<ThingView> Rename(Guid id, RenameThing body, EventStore store, HttpContext context, CancellationToken ct)
    {
        new Validation().Required(nameof(body.Title), body.Title).MaxLength(nameof(body.Title), body.Title, 200).ThrowIfInvalid();
        var expected = context.Request.ExpectedVersion();
        var session = store.OpenSession(new EventMetadata());
        var thing = await session.FetchForWriting<Thing>(id, ct);
        var renamed = new ThingRenamed(body.Title!);
        session.Append(id, expected, renamed);
        await session.SaveChanges(ct);
        context.Response.SetETag(expected + 1);
        return View(id, Thing.Evolve(thing.State, renamed));
    }

    /// <summary>A client that sends the version it read in the body instead of If-Match.</summary>
    private static async Task<ThingView> RenameFromVersionInBody(Guid id, RenameThingFrom body, EventStore store, HttpContext context, CancellationToken ct)
    {
        new Validation().Required(nameof(body.Title), body.Title).Range(nameof(body.BasedOn), body.BasedOn, 1, long.MaxValue).ThrowIfInvalid();
        var session = store.OpenSession(new EventMetadata());
        var thing = await session.FetchForWriting<Thing>(id, ct);
        var renamed = new ThingRenamed(body.Title!);
        session.Append(id, body.BasedOn, renamed);
        await session.SaveChanges(ct);
        context.Response.SetETag(body.BasedOn + 1);
        return View(id, Thing.Evolve(thing.State, renamed));
    }

    private static ThingView View(Guid id, Thing thing) => new(id, thing.Title, thing.Amount, thing.Currency);
}
