namespace Grants.Contracts.Applications;

public sealed record Partner(string Name, string Country, string Role);
