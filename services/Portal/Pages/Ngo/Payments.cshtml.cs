namespace Grants.Portal.Pages.Ngo;

/// <summary>The organisation's grants and what has been paid on each.</summary>
public sealed class PaymentsModel(PaymentsApi payments) : PortalPage
{
    public IReadOnlyList<GrantView> Grants { get; private set; } = [];

    public async Task OnGet(CancellationToken ct)
    {
        var grants = new List<GrantView>();
        foreach (var summary in (await payments.Grants(null, 1, ct)).Items)
        {
            grants.Add((await payments.Grant(summary.Id, ct)).Value);
        }

        Grants = grants;
    }
}
