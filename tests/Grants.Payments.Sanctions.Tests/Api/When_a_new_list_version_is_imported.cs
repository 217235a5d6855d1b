using System.Net;
using Microsoft.Extensions.DependencyInjection;
using static Grants.Payments.Sanctions.Tests.Api.Screenings;

namespace Grants.Payments.Sanctions.Tests.Api;

/// <summary>One story on one host: every import rescreens everyone, and a false positive lasts exactly as long as its list entry.</summary>
public sealed class When_a_new_list_version_is_imported(PaymentsHost host) : IClassFixture<PaymentsHost>
{
    private readonly HttpClient _finance = host.As("finance", "fiona");

    [Fact]
    public async Task Should_rescreen_everyone_and_keep_a_false_positive_until_the_entry_changes()
    {
        var payments = host.Services.GetRequiredService<IPaymentScreening>();
        var organisation = Guid.NewGuid();
        await host.Register(organisation, "Nour Relief & Development Foundation", "Nour Relief & Development Foundation");
        await host.Screening(organisation, _ => true, "the registration's screening");
        var unscreened = await payments.ScreenForPayment(organisation, CancellationToken.None);

        var un = await (await _finance.PostXml("/sanctions/lists", Samples.Un)).Json(HttpStatusCode.Created);
        var version1 = un.GetProperty("version").GetString()!;
        var (afterImport, etag) = await host.Screening(organisation, HasHits, "the rescreen after the first import");

        Assert.False(unscreened.Cleared);
        Assert.StartsWith("sanctions_unscreened:", unscreened.Reason, StringComparison.Ordinal);
        Assert.Equal([version1], afterImport.GetProperty("listVersions").EnumerateArray().Select(v => v.GetString()));
        var hitId = Assert.Single(Hits(afterImport)).GetProperty("hitId").GetGuid();
        (await _finance.PostJson($"/sanctions/hits/{hitId}/decision",
            new { decision = "false_positive", justification = "Belgian ASBL, no link with the listed movement (checked statutes)." }, etag)).EnsureSuccessStatusCode();

        // Another entry changes: the decision on this one stands.
        var other = await (await _finance.PostXml("/sanctions/lists", Samples.UnLater("2026-12-07T23:00:03.000Z", aliasChange: "Abu Khalid al-Misri")))
            .Json(HttpStatusCode.Created);
        var version2 = other.GetProperty("version").GetString()!;
        var (stillCleared, _) = await host.Screening(organisation, s => s.GetProperty("listVersions")[0].GetString() == version2, "the rescreen after the second import");
        Assert.True(stillCleared.GetProperty("cleared").GetBoolean());
        Assert.Equal("false_positive", Assert.Single(Hits(stillCleared)).GetProperty("status").GetString());

        // The entry itself changes: the hit must be decided again.
        var changed = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(Samples.UnLater("2026-12-14T23:00:03.000Z"))
            .Replace("Al-Nour Islamic Movement", "Al-Nour Islamic Movement of the Sahel", StringComparison.Ordinal));
        var version3 = (await (await _finance.PostXml("/sanctions/lists", changed)).Json(HttpStatusCode.Created)).GetProperty("version").GetString()!;
        var (askedAgain, _) = await host.Screening(organisation, s => s.GetProperty("listVersions")[0].GetString() == version3, "the rescreen after the third import");
        var verdict = await payments.ScreenForPayment(organisation, CancellationToken.None);

        Assert.False(askedAgain.GetProperty("cleared").GetBoolean());
        var hit = Assert.Single(Hits(askedAgain));
        Assert.Equal("undecided", hit.GetProperty("status").GetString());
        Assert.NotEqual(hitId, hit.GetProperty("hitId").GetGuid());
        Assert.False(verdict.Cleared);
        Assert.Equal([version3], verdict.ListVersions);
        Assert.Equal(3L, await host.Scalar<long>(
            "select count(*) from {s}.events where type = 'sanctions.organisation_screened' and data->>'organisationId' = $1 and data->>'trigger' like 'list_imported:%'",
            organisation.ToString()));
    }
}
