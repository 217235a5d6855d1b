using System.Net;
using Grants.Hosting.Security;

namespace Grants.Services.Tests.Security;

public sealed class Role_policies(ProbedHost probed) : IClassFixture<ProbedHost>
{
    public static TheoryData<string> Roles { get; } = [.. GrantsRoles.All];

    public static TheoryData<string> WriteRoles { get; } = [.. GrantsRoles.All.Where(role => role != GrantsRoles.Auditor)];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Should_let_every_role_read(string role)
    {
        using var client = probed.Host.CreateClient(role, organisation: role == GrantsRoles.Applicant ? Guid.NewGuid() : null);

        using var response = await client.GetAsync(new Uri("/probe/read", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Should_let_a_role_make_its_own_writes(string role)
    {
        using var client = probed.Host.CreateClient(role, organisation: role == GrantsRoles.Applicant ? Guid.NewGuid() : null);

        using var response = await client.PostAsync(new Uri($"/probe/{role}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Should_answer_403_to_a_role_making_another_roles_write()
    {
        using var reviewer = probed.Host.CreateClient(GrantsRoles.Reviewer);

        using var response = await reviewer.PostAsync(new Uri($"/probe/{GrantsRoles.Approver}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(WriteRoles))]
    public async Task Should_answer_403_to_the_auditor_on_every_write(string role)
    {
        using var auditor = probed.Host.CreateClient(GrantsRoles.Auditor);

        using var response = await auditor.PostAsync(new Uri($"/probe/{role}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
