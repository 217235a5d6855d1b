using System.Globalization;
using System.Security.Cryptography;

namespace Grants.Portal.Accounts;

public sealed record DemoAccount(string UserName, string DisplayName, string Role, Guid? OrganisationId, string Password);

/// <summary>
/// One account per role for a local system, with passwords drawn once and kept in a file readable
/// by its owner only (under .grants/), which <c>./grants up</c> prints.
/// </summary>
public static class DemoAccounts
{
    private static readonly (string User, string Name, string Role)[] People =
    [
        ("officer", "Olivia Officer", GrantsRoles.Officer),
        ("approver", "Arnaud Approver", GrantsRoles.Approver),
        ("reviewer1", "Rita Reviewer", GrantsRoles.Reviewer),
        ("reviewer2", "Ruben Reviewer", GrantsRoles.Reviewer),
        ("reviewer3", "Rosa Reviewer", GrantsRoles.Reviewer),
        ("finance1", "Fatima Finance", GrantsRoles.Finance),
        ("finance2", "Frank Finance", GrantsRoles.Finance),
        ("auditor", "Aline Auditor", GrantsRoles.Auditor),
        ("ngo", "Nadia (Demo NGO)", GrantsRoles.Applicant),
    ];

    public static IReadOnlyList<DemoAccount> LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return [.. File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(Parse)];
        }

        var organisation = Guid.CreateVersion7();
        var accounts = People
            .Select(p => new DemoAccount(p.User, p.Name, p.Role, p.Role == GrantsRoles.Applicant ? organisation : null, RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16)))
            .ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, options);
        writer.WriteLine("# user\trole\tpassword\torganisation\tname");
        foreach (var a in accounts)
        {
            writer.WriteLine(string.Join('\t', a.UserName, a.Role, a.Password, a.OrganisationId?.ToString() ?? "-", a.DisplayName));
        }

        return accounts;
    }

    private static DemoAccount Parse(string line)
    {
        var f = line.Split('\t');
        return new DemoAccount(f[0], f[4], f[1], f[3] == "-" ? null : Guid.Parse(f[3], CultureInfo.InvariantCulture), f[2]);
    }
}
