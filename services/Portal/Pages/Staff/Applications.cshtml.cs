using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Grants.Portal.Pages.Staff;

/// <summary>
/// A call's applications a page at a time, filtered by status, theme and country; with the status
/// Submitted it is the eligibility queue. The service pages and filters, so a call of thousands costs
/// the portal two calls whatever the page.
/// </summary>
public sealed class ApplicationsModel(ApplicationsApi applications) : PortalPage
{
    public const string EligibilityQueue = "Submitted";

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Theme { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    /// <summary>Not <c>?page=</c>: Razor Pages keeps the route value "page" for the page's own name.</summary>
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public int PageSize { get; set; } = ApiClient.PageSize;

    public CallView? Call { get; private set; }

    public Paged<ApplicationSummary>? Applications { get; private set; }

    public static IReadOnlyList<string> Statuses { get; } =
        ["Draft", "Submitted", "ClarificationRequested", "Eligible", "Ineligible", "Withdrawn", "Reviewed", "ReserveList", "Rejected", "Awarded", "AgreementSigned", "Closed"];

    public async Task OnGet(Guid id, CancellationToken ct)
    {
        PageNumber = Math.Max(PageNumber, 1);
        PageSize = Math.Clamp(PageSize, 1, 200);
        var call = applications.Call(id, ct);
        var list = applications.Applications(new ApplicationFilter(id, Blank(Status), Blank(Theme), Blank(Country)), PageNumber, PageSize, ct);
        Call = (await call).Value;
        Applications = await list;
    }

    /// <summary>The link to another page of the same list, with the same filters.</summary>
    public string PageLink(int page) =>
        $"/staff/calls/{Call!.Id}/applications" + QueryString.Create(new Dictionary<string, string?>
        {
            ["status"] = Blank(Status), ["theme"] = Blank(Theme), ["country"] = Blank(Country),
            ["pageNumber"] = page.ToString(CultureInfo.InvariantCulture), ["pageSize"] = PageSize.ToString(CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
