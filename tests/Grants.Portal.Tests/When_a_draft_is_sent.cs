extern alias portal;

using System.Text.Json;
using portal::Grants.Portal.Pages.Ngo;

namespace Grants.Portal.Tests;

public sealed class When_a_draft_is_sent
{
    [Fact]
    public void Should_leave_out_the_empty_rows_offered_for_typing()
    {
        var form = new ApplicationForm
        {
            Title = "Mediation",
            Objectives = [new() { Description = "Objective", Results = [new() { Description = "Result", Indicators = [new() { Name = "Indicator" }, new()] }, new()] }, new()],
            Budget = [new() { Category = "staff", Description = "Trainers", Amount = 100m }, new() { Category = "staff" }],
        };

        var request = JsonSerializer.SerializeToElement(form.ToRequest());

        Assert.Equal(1, request.GetProperty("Budget").GetArrayLength());
        var objectives = request.GetProperty("Objectives");
        Assert.Equal(1, objectives.GetArrayLength());
        Assert.Equal(1, objectives[0].GetProperty("Results").GetArrayLength());
        Assert.Equal(1, objectives[0].GetProperty("Results")[0].GetProperty("Indicators").GetArrayLength());
    }

    [Fact]
    public void Should_offer_room_for_one_objective_result_indicator_and_two_budget_lines()
    {
        var form = new ApplicationForm { Budget = [new() { Category = "staff", Description = "Trainers", Amount = 1m }, new()] }.WithRoom();

        Assert.Single(form.Objectives);
        Assert.Single(form.Objectives[0].Results[0].Indicators);
        Assert.Equal(3, form.Budget.Count);
        Assert.Equal("Trainers", form.Budget[0].Description);
    }
}
