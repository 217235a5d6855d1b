using Microsoft.Extensions.Localization;

namespace Grants.Portal.Resources;

/// <summary>
/// The status and kind codes the services answer with (Applications and Review in PascalCase,
/// Payments in lower case) as the portal names them; the English name is the translation's key.
/// </summary>
public static class Labels
{
    public static IReadOnlyDictionary<string, string> English { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Draft"] = "Draft",
        ["Open"] = "Open",
        ["Closed"] = "Closed",
        ["Submitted"] = "Submitted",
        ["ClarificationRequested"] = "Clarification requested",
        ["Eligible"] = "Eligible",
        ["Ineligible"] = "Not eligible",
        ["Withdrawn"] = "Withdrawn",
        ["Reviewed"] = "Reviewed",
        ["ReserveList"] = "Reserve list",
        ["Rejected"] = "Rejected",
        ["Awarded"] = "Awarded",
        ["AgreementSigned"] = "Agreement signed",
        ["Award"] = "Award",
        ["Reject"] = "Reject",
        ["Due"] = "Due",
        ["Overdue"] = "Overdue",
        ["ChangesRequested"] = "Changes requested",
        ["Approved"] = "Approved",
        ["InReview"] = "In review",
        ["AwaitingConsensus"] = "Awaiting consensus",
        ["Completed"] = "Completed",
        ["Cancelled"] = "Cancelled",
        ["Planned"] = "Planned",
        ["Blocked"] = "Blocked",
        ["Prepared"] = "Prepared",
        ["Batched"] = "In a batch",
        ["Paid"] = "Paid",
        ["Withheld"] = "Withheld",
        ["Pending"] = "Pending",
        ["Active"] = "Active",
        ["Closing"] = "Closing",
        ["Created"] = "Created",
        ["Exported"] = "Exported",
        ["Executed"] = "Executed",
        ["PreFinancing"] = "Pre-financing",
        ["Balance"] = "Balance",
        ["Interim"] = "Interim",
        ["Final"] = "Final",
    };

    /// <summary>A code the portal does not know yet is shown as the service wrote it rather than hidden.</summary>
    public static string Label(this IStringLocalizer<Text> text, string? code) =>
        code is null ? "" : English.TryGetValue(code, out var label) ? text[label] : code;
}
