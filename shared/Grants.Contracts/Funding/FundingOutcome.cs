namespace Grants.Contracts.Funding;

public enum FundingOutcome
{
    Award,
    ReserveList,
    Reject,
}
