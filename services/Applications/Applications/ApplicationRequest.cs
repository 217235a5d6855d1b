using System.Globalization;
using Grants.Applications.Calls;

namespace Grants.Applications.Applications;

public sealed record IndicatorRequest(string? Name, string? Baseline, string? Target);

public sealed record ResultRequest(string? Description, IReadOnlyList<IndicatorRequest>? Indicators);

public sealed record ObjectiveRequest(string? Description, IReadOnlyList<ResultRequest>? Results);

public sealed record PartnerRequest(string? Name, string? Country, string? Role);

public sealed record BudgetLineRequest(string? Category, string? Description, decimal? Amount, decimal? CoFinancing);

/// <summary>A draft as the NGO writes it; fields may be missing until submission, but what is there must make sense.</summary>
public sealed record ApplicationRequest(
    Guid? CallId,
    string? Title,
    string? Theme,
    IReadOnlyList<string>? Countries,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? Summary,
    IReadOnlyList<ObjectiveRequest>? Objectives,
    IReadOnlyList<PartnerRequest>? Partners,
    IReadOnlyList<BudgetLineRequest>? Budget)
{
    private const int MaxText = 300;
    private const int MaxLongText = 20_000;
    private const decimal MaxAmount = 1_000_000_000m;

    /// <summary>Checks every field against itself and the call's catalogues, and builds the content; a 400 lists whatever is wrong.</summary>
    public ApplicationContent ToContent(Call call)
    {
        var rules = call.Rules!;
        var v = new Validation()
            .Required(nameof(Title), Title).MaxLength(nameof(Title), Title, MaxText)
            .MaxLength(nameof(Summary), Summary, MaxLongText)
            .Must(Theme is null || rules.Themes.Contains(Theme), nameof(Theme), $"must be one of the call's themes: {string.Join(", ", rules.Themes)}.")
            .Must(StartDate is null || EndDate is null || EndDate >= StartDate, nameof(EndDate), "must not be before the start date.")
            .Must((Countries?.Count ?? 0) <= 50, nameof(Countries), "must list at most 50 countries.")
            .Must((Objectives?.Count ?? 0) <= 20, nameof(Objectives), "must list at most 20 objectives.")
            .Must((Partners?.Count ?? 0) <= 50, nameof(Partners), "must list at most 50 partners.")
            .Must((Budget?.Count ?? 0) <= 200, nameof(Budget), "must have at most 200 lines.");
        foreach (var country in (Countries ?? []).Where(c => !rules.Countries.Contains(c)))
        {
            v.Must(false, nameof(Countries), $"'{country}' is not one of the call's countries: {string.Join(", ", rules.Countries)}.");
        }

        var objectives = (Objectives ?? []).Select((o, i) => Objective(o, At(nameof(Objectives), i), v)).ToList();
        var partners = (Partners ?? []).Select((p, i) => Partner(p, At(nameof(Partners), i), v)).ToList();
        var budget = (Budget ?? []).Select((b, i) => Line(b, At(nameof(Budget), i), v)).ToList();
        v.ThrowIfInvalid();
        return new ApplicationContent(
            Title!.Trim(), Theme, [.. (Countries ?? []).Distinct(StringComparer.Ordinal)], StartDate, EndDate, Summary, objectives, partners, budget,
            rules.Envelope.Currency);
    }

    private static Objective Objective(ObjectiveRequest o, string at, Validation v)
    {
        v.Required($"{at}.Description", o.Description).MaxLength($"{at}.Description", o.Description, MaxLongText);
        var results = (o.Results ?? []).Select((r, j) =>
        {
            var rat = At($"{at}.Results", j);
            v.Required($"{rat}.Description", r.Description).MaxLength($"{rat}.Description", r.Description, MaxLongText);
            var indicators = (r.Indicators ?? []).Select((x, k) =>
            {
                var iat = At($"{rat}.Indicators", k);
                v.Required($"{iat}.Name", x.Name).MaxLength($"{iat}.Name", x.Name, MaxText)
                    .MaxLength($"{iat}.Baseline", x.Baseline, MaxText).MaxLength($"{iat}.Target", x.Target, MaxText);
                return new Indicator(x.Name ?? "", x.Baseline ?? "", x.Target ?? "");
            }).ToList();
            return new ExpectedResult(r.Description ?? "", indicators);
        }).ToList();
        return new Objective(o.Description ?? "", results);
    }

    private static ProjectPartner Partner(PartnerRequest p, string at, Validation v)
    {
        v.Required($"{at}.Name", p.Name).MaxLength($"{at}.Name", p.Name, MaxText)
            .Must(CountryCodes.IsKnown(p.Country), $"{at}.Country", "must be an ISO 3166 alpha-2 country code.")
            .Required($"{at}.Role", p.Role).MaxLength($"{at}.Role", p.Role, MaxText);
        return new ProjectPartner(p.Name?.Trim() ?? "", p.Country ?? "", p.Role?.Trim() ?? "");
    }

    private static BudgetLine Line(BudgetLineRequest b, string at, Validation v)
    {
        v.Must(b.Category is not null && BudgetLine.Categories.Contains(b.Category), $"{at}.Category", $"must be one of {string.Join(", ", BudgetLine.Categories)}.")
            .Required($"{at}.Description", b.Description).MaxLength($"{at}.Description", b.Description, MaxText)
            .Required($"{at}.Amount", b.Amount).Range($"{at}.Amount", b.Amount, 0.01m, MaxAmount)
            .Range($"{at}.CoFinancing", b.CoFinancing, 0m, MaxAmount)
            .Must(b.CoFinancing is null || b.Amount is not > 0m || b.CoFinancing <= b.Amount, $"{at}.CoFinancing", "must not exceed the line's amount.")
            .Must(b.Amount is null || decimal.Round(b.Amount.Value, 2) == b.Amount, $"{at}.Amount", "must have at most two decimals.");
        return new BudgetLine(b.Category ?? "", b.Description?.Trim() ?? "", b.Amount ?? 0m, b.CoFinancing ?? 0m);
    }

    private static string At(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");
}
