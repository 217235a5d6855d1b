using Microsoft.AspNetCore.Identity;

namespace Grants.Portal.Accounts;

/// <summary>The portal's accounts in its own schema; passwords are kept only as ASP.NET Core password hashes.</summary>
public sealed class AccountStore(NpgsqlDataSource db, PortalSettings settings, TimeProvider time)
{
    private readonly PasswordHasher<Account> _hasher = new();

    private string Table => $"{settings.Schema}.accounts";

    public async Task<Account?> Find(string userName, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            $"select user_name, display_name, roles, organisation_id, password_hash, failed_sign_ins, locked_until from {Table} where user_name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = userName });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new Account(
                reader.GetString(0), reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.IsDBNull(3) ? null : reader.GetGuid(3),
                reader.GetString(4), reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6))
            : null;
    }

    /// <summary>Creates the account, or leaves an existing one with that user name as it is; true when created.</summary>
    public async Task<bool> Create(string userName, string displayName, IReadOnlyList<string> roles, Guid? organisationId, string password, CancellationToken ct)
    {
        if (roles.Count == 0 || roles.Any(r => !GrantsRoles.All.Contains(r)))
        {
            throw new ArgumentException($"Roles must be among {string.Join(", ", GrantsRoles.All)}.", nameof(roles));
        }

        if (roles.Contains(GrantsRoles.Applicant) != organisationId.HasValue)
        {
            throw new ArgumentException("An applicant account needs its organisation, and only an applicant account has one.", nameof(organisationId));
        }

        var account = new Account(userName, displayName, roles, organisationId, "", 0, null);
        await using var command = db.CreateCommand(
            $"insert into {Table} (user_name, display_name, roles, organisation_id, password_hash) values ($1, $2, $3, $4, $5) on conflict (user_name) do nothing");
        command.Parameters.Add(new NpgsqlParameter { Value = userName });
        command.Parameters.Add(new NpgsqlParameter { Value = displayName });
        command.Parameters.Add(new NpgsqlParameter { Value = roles.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)organisationId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = _hasher.HashPassword(account, password) });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Checks the password and records the attempt: failures count towards the lock-out, a success resets them.</summary>
    public async Task<(SignInOutcome Outcome, Account? Account)> SignIn(string userName, string password, CancellationToken ct)
    {
        var account = await Find(userName, ct);
        if (account is null)
        {
            // The same work as for a real account, so response times do not tell which user names exist.
            _hasher.VerifyHashedPassword(new Account("", "", [], null, "", 0, null), Dummy.Value, password);
            return (SignInOutcome.WrongPassword, null);
        }

        var matches = _hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;
        var result = SignInRules.Decide(account, matches, time.GetUtcNow());
        await using var command = db.CreateCommand($"update {Table} set failed_sign_ins = $2, locked_until = $3 where user_name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = userName });
        command.Parameters.Add(new NpgsqlParameter { Value = result.FailedSignIns });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)result.LockedUntil ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(ct);
        return (result.Outcome, result.Outcome == SignInOutcome.SignedIn ? account : null);
    }

    private static readonly Lazy<string> Dummy = new(() => new PasswordHasher<Account>().HashPassword(new Account("", "", [], null, "", 0, null), Guid.NewGuid().ToString()));
}
