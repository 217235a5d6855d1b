namespace Grants.Payments.Grants;

public sealed record TrancheView(
    int Number,
    string Kind,
    string Condition,
    Money Planned,
    Money? Amount,
    string Status,
    DateOnly? PayBy,
    bool Late,
    string? BlockCode,
    string? BlockReason,
    Money? PreparedAmount,
    DateOnly? ExecutionDate,
    string? PreparedBy,
    string? ApprovedBy,
    Guid? BatchId,
    string? EndToEndId,
    DateOnly? PaidOn,
    string? BankReference);

public sealed record GrantView(
    Guid Id,
    Guid ApplicationId,
    Guid CallId,
    Guid OrganisationId,
    string CallReference,
    string Title,
    string Status,
    Money Amount,
    Money Paid,
    Money? Recovered,
    int RulesVersion,
    IReadOnlyList<Guid> OverdueReports,
    IReadOnlyList<TrancheView> Tranches,
    string? FrozenReason)
{
    public static GrantView Of(Guid id, Grant grant)
    {
        var terms = grant.Terms!;
        return new GrantView(
            id, grant.ApplicationId, grant.CallId, grant.OrganisationId, terms.CallReference, terms.Title, Lower(grant.Status),
            terms.Amount, grant.TotalPaid, grant.Recovered, terms.RulesVersion, [.. grant.OverdueReports.Order()],
            [.. grant.Tranches.Select(t => new TrancheView(
                t.Number, t.Kind == TrancheKind.Balance ? "balance" : "pre_financing", t.Condition, t.Planned, t.Amount, Lower(t.Status),
                t.PayBy, t.Late, t.BlockCode, t.BlockReason, t.Preparation?.Amount, t.Preparation?.ExecutionDate, t.Preparation?.PreparedBy.UserId,
                t.ApprovedBy?.UserId, t.BatchId, t.EndToEndId, t.PaidOn, t.BankReference))],
            grant.FrozenReason);
    }

    private static string Lower<T>(T value)
        where T : Enum => value.ToString().ToLowerInvariant();
}
