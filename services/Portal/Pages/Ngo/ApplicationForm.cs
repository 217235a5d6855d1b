namespace Grants.Portal.Pages.Ngo;

public sealed class IndicatorForm
{
    public string? Name { get; set; }

    public string? Baseline { get; set; }

    public string? Target { get; set; }
}

public sealed class ResultForm
{
    public string? Description { get; set; }

    public List<IndicatorForm> Indicators { get; set; } = [];
}

public sealed class ObjectiveForm
{
    public string? Description { get; set; }

    public List<ResultForm> Results { get; set; } = [];
}

public sealed class BudgetLineForm
{
    public string? Category { get; set; }

    public string? Description { get; set; }

    public decimal? Amount { get; set; }

    public decimal? CoFinancing { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && Amount is null && CoFinancing is null;
}

public sealed class PartnerForm
{
    public string? Name { get; set; }

    public string? Country { get; set; }

    public string? Role { get; set; }

    public bool Remove { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Country) && string.IsNullOrWhiteSpace(Role);
}

/// <summary>The draft as the NGO edits it, shaped as the Applications API takes it so that its field errors land on these fields.</summary>
public sealed class ApplicationForm
{
    public string? Title { get; set; }

    public string? Theme { get; set; }

    public List<string> Countries { get; set; } = [];

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public string? Summary { get; set; }

    public List<ObjectiveForm> Objectives { get; set; } = [];

    public List<BudgetLineForm> Budget { get; set; } = [];

    public List<PartnerForm> Partners { get; set; } = [];

    /// <summary>Blank rows the page offers for typing are not lines of the budget.</summary>
    public object ToRequest() => new
    {
        Title, Theme, Countries, StartDate, EndDate, Summary,
        Objectives = Objectives.Where(o => !string.IsNullOrWhiteSpace(o.Description)).Select(o => new
        {
            o.Description,
            Results = o.Results.Where(r => !string.IsNullOrWhiteSpace(r.Description)).Select(r => new
            {
                r.Description,
                Indicators = r.Indicators.Where(i => !string.IsNullOrWhiteSpace(i.Name)).ToList(),
            }).ToList(),
        }).ToList(),
        Budget = Budget.Where(b => !b.IsBlank).ToList(),
        Partners = Partners.Where(p => !p.IsBlank && !p.Remove).Select(p => new { p.Name, Country = p.Country?.Trim().ToUpperInvariant(), p.Role }).ToList(),
    };

    /// <summary>What the service holds, with room to type: one objective, result and indicator at least, and two empty budget rows.</summary>
    public static ApplicationForm Of(ApplicationView a) => new ApplicationForm
    {
        Title = a.Content.Title,
        Theme = a.Content.Theme,
        Countries = [.. a.Content.Countries],
        StartDate = a.Content.StartDate,
        EndDate = a.Content.EndDate,
        Summary = a.Content.Summary,
        Objectives = [.. a.Content.Objectives.Select(o => new ObjectiveForm
        {
            Description = o.Description,
            Results = [.. o.Results.Select(r => new ResultForm
            {
                Description = r.Description,
                Indicators = [.. r.Indicators.Select(i => new IndicatorForm { Name = i.Name, Baseline = i.Baseline, Target = i.Target })],
            })],
        })],
        Budget = [.. a.Content.Budget.Select(b => new BudgetLineForm { Category = b.Category, Description = b.Description, Amount = b.Amount, CoFinancing = b.CoFinancing })],
        Partners = [.. (a.Content.Partners ?? []).Select(p => new PartnerForm { Name = p.Name, Country = p.Country, Role = p.Role })],
    }.WithRoom();

    public ApplicationForm WithRoom()
    {
        if (Objectives.Count == 0)
        {
            Objectives.Add(new ObjectiveForm());
        }

        foreach (var objective in Objectives.Where(o => o.Results.Count == 0))
        {
            objective.Results.Add(new ResultForm());
        }

        foreach (var result in Objectives.SelectMany(o => o.Results).Where(r => r.Indicators.Count == 0))
        {
            result.Indicators.Add(new IndicatorForm());
        }

        Budget.RemoveAll(b => b.IsBlank);
        Budget.Add(new BudgetLineForm());
        Budget.Add(new BudgetLineForm());
        Partners.RemoveAll(p => p.IsBlank || p.Remove);
        Partners.Add(new PartnerForm());
        return this;
    }
}
