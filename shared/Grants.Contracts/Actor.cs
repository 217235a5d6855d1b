namespace Grants.Contracts;

/// <summary>Who acted, and in which role (DESIGN 2).</summary>
public sealed record Actor(string UserId, string Role);
