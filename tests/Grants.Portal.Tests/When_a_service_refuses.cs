extern alias portal;

using System.Net;
using System.Text;
using portal::Grants.Portal.Api;

namespace Grants.Portal.Tests;

public sealed class When_a_service_refuses
{
    [Fact]
    public async Task Should_read_its_code_message_and_every_field_error()
    {
        using var response = Answer(HttpStatusCode.UnprocessableEntity, """
            {"status":422,"code":"application.incomplete","detail":"The application breaks 2 rules.",
             "errors":{"summary":["A summary is required."],"budget":["A budget is required.","The budget must be in EUR."]}}
            """);

        var problem = await ApiProblem.Read(response, CancellationToken.None);

        Assert.Equal(422, problem.Status);
        Assert.Equal("application.incomplete", problem.Code);
        Assert.Equal("The application breaks 2 rules.", problem.Message);
        Assert.Equal(["A summary is required."], problem.Errors["Summary"]);
        Assert.Equal(2, problem.Errors["budget"].Length);
    }

    [Fact]
    public async Task Should_still_say_something_when_the_answer_is_not_problem_details()
    {
        using var response = Answer(HttpStatusCode.BadGateway, "<html>proxy error</html>");

        var problem = await ApiProblem.Read(response, CancellationToken.None);

        Assert.Equal(502, problem.Status);
        Assert.Equal("http.502", problem.Code);
        Assert.Empty(problem.Errors);
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/problem+json"), ReasonPhrase = status.ToString() };
}
