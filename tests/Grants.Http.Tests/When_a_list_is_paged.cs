using System.Net;
using System.Net.Http.Json;
using Grants.Hosting.Http;
using static Grants.Http.Tests.Responses;

namespace Grants.Http.Tests;

public sealed class When_a_list_is_paged(HttpHost host) : IClassFixture<HttpHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Should_give_the_first_page_of_50_by_default()
    {
        var page = await _client.GetFromJsonAsync<Paged<int>>(Path("/test/numbers"));

        Assert.Equal(Enumerable.Range(1, 50), page!.Items);
        Assert.Equal((1, 50, 120L, 3L), (page.Page, page.PageSize, page.Total, page.TotalPages));
    }

    [Theory]
    [InlineData("?page=3", 101, 20)]
    [InlineData("?page=4", 0, 0)]
    [InlineData("?page=2&pageSize=1", 2, 1)]
    [InlineData("?pageSize=200", 1, 120)]
    public async Task Should_give_the_page_asked_for(string query, int first, int count)
    {
        var page = await _client.GetFromJsonAsync<Paged<int>>(Path("/test/numbers" + query));

        Assert.Equal(Enumerable.Range(first, count), page!.Items);
    }

    [Theory]
    [InlineData("?page=0", "page")]
    [InlineData("?page=-1", "page")]
    [InlineData("?page=abc", "page")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=201", "pageSize")]
    [InlineData("?pageSize=1.5", "pageSize")]
    [InlineData("?page=0&pageSize=1000", "page,pageSize")]
    public async Task Should_refuse_values_out_of_bounds_naming_each(string query, string fields)
    {
        var response = await _client.GetAsync(Path("/test/numbers" + query));

        var errors = (await response.Problem(HttpStatusCode.BadRequest, ProblemCodes.Invalid)).GetProperty("errors");
        Assert.Equal(fields.Split(','), errors.EnumerateObject().Select(e => e.Name).Order());
    }
}
