namespace Grants.Portal.Pages.Staff;

public sealed record LatePayment(TrancheSummary Tranche, GrantSummary? Grant, string Organisation, int DaysLate);

/// <summary>What is late: reports past their due date per call, and tranches past their pay-by date and not paid.</summary>
public sealed class DashboardsModel(ApplicationsApi applications, PaymentsApi payments, TimeProvider time) : PortalPage
{
    public IReadOnlyList<CallSummary> Calls { get; private set; } = [];

    public IReadOnlyList<ReportSummary> OverdueReports { get; private set; } = [];

    public IReadOnlyList<LatePayment> LatePayments { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGet(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels")).DateTime);
        Calls = (await applications.Calls(null, 1, ct)).Items;
        OverdueReports = (await applications.Reports(null, "Overdue", 1, ct)).Items;
        var late = (await payments.Tranches([], true, 1, 200, ct)).Items.Where(t => t.Status != "paid").ToList();
        if (late.Count > 0)
        {
            var grants = (await payments.Grants(null, 1, ct, pageSize: 200)).Items.ToDictionary(g => g.Id);
            var names = (await applications.Organisations(null, 1, ct, pageSize: 200)).Items.ToDictionary(o => o.Id, o => o.LegalName);
            LatePayments = [.. late.Select(t =>
            {
                var grant = grants.GetValueOrDefault(t.GrantId);
                var organisation = grant is null ? "" : names.GetValueOrDefault(grant.OrganisationId, grant.OrganisationId.ToString());
                return new LatePayment(t, grant, organisation, t.PayBy is { } due ? Today.DayNumber - due.DayNumber : 0);
            })];
        }
    }

    public string CallOf(Guid callId) => Calls.FirstOrDefault(c => c.Id == callId) is { } c ? $"{c.Reference} · {c.Title}" : callId.ToString();

    public int DaysOverdue(ReportSummary report) => Today.DayNumber - report.DueDate.DayNumber;
}
