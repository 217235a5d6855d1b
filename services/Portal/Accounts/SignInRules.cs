namespace Grants.Portal.Accounts;

public enum SignInOutcome
{
    SignedIn,
    WrongPassword,
    LockedOut,
}

/// <summary>What one attempt does to an account, and whether it lets the person in.</summary>
public sealed record SignInResult(SignInOutcome Outcome, int FailedSignIns, DateTimeOffset? LockedUntil);

/// <summary>
/// Lock-out against password guessing: the fifth wrong password in a row locks the account for
/// 15 minutes; while locked even the right password is refused, so a guesser learns nothing.
/// </summary>
public static class SignInRules
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan LockOut = TimeSpan.FromMinutes(15);

    public static SignInResult Decide(Account account, bool passwordMatches, DateTimeOffset now)
    {
        if (account.LockedUntil is { } until && until > now)
        {
            return new SignInResult(SignInOutcome.LockedOut, account.FailedSignIns, until);
        }

        if (passwordMatches)
        {
            return new SignInResult(SignInOutcome.SignedIn, 0, null);
        }

        var failures = account.FailedSignIns + 1;
        return failures >= MaxFailures
            ? new SignInResult(SignInOutcome.LockedOut, 0, now + LockOut)
            : new SignInResult(SignInOutcome.WrongPassword, failures, null);
    }
}
