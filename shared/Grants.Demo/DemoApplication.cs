namespace Grants.Demo;

/// <summary>One of the thirty applications as the scenario follows it through the three services.</summary>
public sealed class DemoApplication(int index, DemoNgo ngo, Twist twist, decimal requested)
{
    public int Index => index;

    public DemoNgo Ngo => ngo;

    public Twist Twist => twist;

    public decimal Requested => requested;

    public Guid Id { get; set; }

    public Guid GrantId { get; set; }

    public decimal? Awarded { get; set; }

    /// <summary>Whether the payee screening blocked its payments.</summary>
    public bool Frozen { get; set; }

    public string Title => $"{ngo.Name}: project {index % 2 + 1}";

    public bool Funded => Awarded is not null;

    /// <summary>A complete application the call accepts: a logframe, a partner and a budget whose indirect costs stay under 7% of the direct ones.</summary>
    public object Draft(Guid callId, DemoCall call)
    {
        var (start, end) = call.ProjectDates(twist == Twist.OverdueReport);
        var lines = BudgetLines;
        var country = call.Countries[index % call.Countries.Count];
        return new
        {
            callId,
            title = Title,
            theme = call.Themes[index % call.Themes.Count],
            countries = new[] { country },
            startDate = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            endDate = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            summary = $"Local peace committees and dialogue between communities in {country}, led by {ngo.Name}.",
            objectives = new[]
            {
                new
                {
                    description = "Reduce violent local conflicts through community mediation.",
                    results = new[]
                    {
                        new
                        {
                            description = "Peace committees mediate land and resource disputes.",
                            indicators = new[] { new { name = "Disputes mediated", baseline = "0", target = "120" } },
                        },
                    },
                },
            },
            partners = new[] { new { name = $"Local Partner Association {index + 1}", country, role = "implementing partner" } },
            budget = new[]
            {
                new { category = "staff", description = "Mediators and project coordinator", amount = lines[0] },
                new { category = "activities", description = "Dialogue sessions and trainings", amount = lines[1] },
                new { category = "travel", description = "Field visits", amount = lines[2] },
                new { category = "indirect", description = "Overheads (6.5%)", amount = lines[3] },
            },
        };
    }

    /// <summary>The budget lines as drafted, so a report can declare spending line by line.</summary>
    public IReadOnlyList<decimal> BudgetLines
    {
        get
        {
            var indirect = decimal.Round(requested * 0.065m, 2);
            var direct = requested - indirect;
            var staff = decimal.Round(direct * 0.45m, 2);
            var travel = decimal.Round(direct * 0.1m, 2);
            return [staff, direct - staff - travel, travel, indirect];
        }
    }
}
