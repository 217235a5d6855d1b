namespace Grants.Testing;

internal static class UniqueName
{
    // Lower case, so it needs no quoting in SQL and reads the same in the management UI.
    public static string Next() => "t_" + Guid.NewGuid().ToString("N")[..16];
}
