using System.Net;
using System.Text.Json;
using Grants.Hosting.Security;

namespace Grants.Services.Tests.Security;

public sealed class Organisation_scope(ProbedHost probed) : IClassFixture<ProbedHost>
{
    public static TheoryData<string> Staff { get; } = [.. GrantsRoles.All.Where(role => role != GrantsRoles.Applicant)];

    [Fact]
    public async Task Should_show_an_applicant_its_own_organisation()
    {
        var organisation = Guid.NewGuid();
        using var applicant = probed.Host.CreateClient(GrantsRoles.Applicant, "ngo-user", organisation);

        using var response = await applicant.GetAsync(OrganisationUri(organisation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Should_answer_404_as_for_a_missing_stream_when_an_applicant_asks_for_another_organisation()
    {
        var other = Guid.NewGuid();
        using var applicant = probed.Host.CreateClient(GrantsRoles.Applicant, "ngo-user", Guid.NewGuid());

        using var response = await applicant.GetAsync(OrganisationUri(other));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("stream.not_found", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal($"Stream {other} does not exist.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(Staff))]
    public async Task Should_show_staff_and_auditors_every_organisation(string role)
    {
        using var client = probed.Host.CreateClient(role);

        using var response = await client.GetAsync(OrganisationUri(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Uri OrganisationUri(Guid organisation) => new($"/probe/organisations/{organisation}", UriKind.Relative);
}
