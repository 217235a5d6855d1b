using System.Net;
using System.Text.Json;
using Grants.Contracts;
using Grants.Contracts.Applications;
using Grants.Contracts.Organisations;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Payments.Sanctions.Tests.Api;

/// <summary>Drives screenings the way production does: messages on the real broker, decisions over HTTP.</summary>
internal static class Screenings
{
    public static async Task ImportSamples(this PaymentsHost host)
    {
        var finance = host.As("finance", "fiona");
        foreach (var list in new[] { Samples.Un, Samples.Eu })
        {
            var response = await finance.PostXml("/sanctions/lists", list);
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
    }

    public static async Task<OrganisationRegistered> Register(this PaymentsHost host, Guid organisationId, string legalName, string holder, Guid? messageId = null, Guid? correlationId = null)
    {
        var message = new OrganisationRegistered
        {
            MessageId = messageId ?? Guid.NewGuid(),
            CorrelationId = correlationId ?? organisationId,
            OccurredAt = DateTimeOffset.UtcNow,
            OrganisationId = organisationId,
            LegalName = legalName,
            RegistrationNumber = "0456.789.123",
            Country = "BE",
            BankAccount = new BankAccount("BE71096123456769", "GKCCBEBB", holder),
        };
        await host.Publish(message);
        return message;
    }

    public static Task Submit(this PaymentsHost host, Guid organisationId, params string[] partners) =>
        host.Publish(new ApplicationSubmitted
        {
            MessageId = Guid.NewGuid(),
            CorrelationId = Guid.NewGuid(),
            OccurredAt = DateTimeOffset.UtcNow,
            ApplicationId = Guid.NewGuid(),
            CallId = Guid.NewGuid(),
            OrganisationId = organisationId,
            Title = "Community mediation in North Kivu",
            Theme = "conflict-prevention",
            Countries = ["CD"],
            RequestedAmount = new Money(150_000m, "EUR"),
            StartDate = new DateOnly(2027, 3, 1),
            EndDate = new DateOnly(2028, 2, 29),
            Partners = [.. partners.Select(p => new Partner(p, "CD", "implementing partner"))],
            ContentHash = new string('c', 64),
            SubmittedAt = DateTimeOffset.UtcNow,
        });

    public static async Task Publish<T>(this PaymentsHost host, T message)
        where T : IntegrationEvent =>
        await host.Services.GetRequiredService<IBus>().Publish(message, send => send.MessageId = message.MessageId);

    /// <summary>The organisation's screening once one satisfying <paramref name="until"/> is recorded, with its ETag.</summary>
    public static async Task<(JsonElement Subject, string ETag)> Screening(this PaymentsHost host, Guid organisationId, Func<JsonElement, bool> until, string what)
    {
        var finance = host.As("finance", "fiona");
        var found = await Responses.Eventually<Tuple<JsonElement, string>>(async () =>
        {
            var response = await finance.Get($"/sanctions/organisations/{organisationId}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            var subject = await response.Json(HttpStatusCode.OK);
            return until(subject) ? Tuple.Create(subject, response.Headers.ETag!.ToString()) : null;
        }, what);
        return (found.Item1, found.Item2);
    }

    public static bool HasHits(JsonElement subject) => subject.GetProperty("hits").GetArrayLength() > 0;

    public static IEnumerable<JsonElement> Hits(JsonElement subject) => subject.GetProperty("hits").EnumerateArray();
}
