using System.Security.Cryptography;
using System.Text.Json;

namespace Grants.Applications.Applications;

public sealed record Indicator(string Name, string Baseline, string Target);

public sealed record ExpectedResult(string Description, IReadOnlyList<Indicator> Indicators);

/// <summary>One line of the simple logframe: an objective, its expected results and their indicators.</summary>
public sealed record Objective(string Description, IReadOnlyList<ExpectedResult> Results);

public sealed record ProjectPartner(string Name, string Country, string Role);

/// <summary>A cost of the project: <see cref="CoFinancing"/> of it comes from other funders, the rest is requested.</summary>
public sealed record BudgetLine(string Category, string Description, decimal Amount, decimal CoFinancing)
{
    public const string Indirect = "indirect";

    public static IReadOnlyList<string> Categories { get; } = ["staff", "travel", "equipment", "activities", "services", "other", Indirect];
}

public sealed record Attachment(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset At);

/// <summary>What the NGO writes; a draft may be incomplete, a submission may not.</summary>
public sealed record ApplicationContent(
    string Title,
    string? Theme,
    IReadOnlyList<string> Countries,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? Summary,
    IReadOnlyList<Objective> Objectives,
    IReadOnlyList<ProjectPartner> Partners,
    IReadOnlyList<BudgetLine> Budget,
    string Currency)
{
    public decimal TotalCost => Budget.Sum(b => b.Amount);

    public decimal CoFinancing => Budget.Sum(b => b.CoFinancing);

    public decimal RequestedAmount => TotalCost - CoFinancing;

    public decimal DirectCosts => Budget.Where(b => b.Category != BudgetLine.Indirect).Sum(b => b.Amount);

    public decimal IndirectCosts => Budget.Where(b => b.Category == BudgetLine.Indirect).Sum(b => b.Amount);

    public Money Requested => new(RequestedAmount, Currency);

    /// <summary>Whole months from start to end, a started month counting as one.</summary>
    public int? DurationMonths => StartDate is { } start && EndDate is { } end
        ? ((end.Year - start.Year) * 12) + end.Month - start.Month + (end.Day >= start.Day ? 1 : 0)
        : null;
}

public static class ContentHash
{
    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web);

    /// <summary>SHA-256 of the content and of every attachment's own hash, as submitted: reviews are pinned to it.</summary>
    public static string Of(ApplicationContent content, IReadOnlyList<Attachment> attachments)
    {
        var frozen = new { content, attachments = attachments.OrderBy(a => a.Id).Select(a => new { a.FileName, a.ContentType, a.Size, a.Sha256 }) };
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(frozen, Canonical)));
    }
}
