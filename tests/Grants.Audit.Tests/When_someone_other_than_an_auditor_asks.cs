using System.Net;
using Grants.Hosting.Security;
using static Grants.Audit.Tests.Json;

namespace Grants.Audit.Tests;

public sealed class When_someone_other_than_an_auditor_asks(AuditScene scene) : IClassFixture<AuditScene>
{
    public static TheoryData<string, string> Requests { get; } = new()
    {
        { "GET", "/audit/timeline/{0}" },
        { "GET", "/audit/state/{0}" },
        { "GET", "/audit/verify" },
        { "GET", "/audit/export/{0}?format=csv" },
        { "POST", "/audit/replay" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Should_forbid_every_other_role(string method, string path)
    {
        var id = Guid.NewGuid();
        await scene.Append(id, 0, new EventMetadata(id), new DossierOpened("Radios", 1000m));

        foreach (var role in GrantsRoles.All.Where(r => r != GrantsRoles.Auditor))
        {
            using var client = new HttpClient { BaseAddress = scene.Address };
            client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For(role, organisation: role == GrantsRoles.Applicant ? Guid.NewGuid() : null));
            using var request = new HttpRequestMessage(new HttpMethod(method), Path(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, id)));

            var response = await client.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role}: {response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Should_ask_for_a_token_first(string method, string path)
    {
        using var client = scene.Client(role: null);
        using var request = new HttpRequestMessage(new HttpMethod(method), Path(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Guid.NewGuid())));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Should_not_start_a_replay_for_an_officer()
    {
        using var officer = scene.Client(GrantsRoles.Officer);

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync(Path("/audit/replay"), null)).StatusCode);
        Assert.Equal(0L, await scene.Count("select count(*) from pg_namespace where nspname = '{s}_replay'"));
    }
}
