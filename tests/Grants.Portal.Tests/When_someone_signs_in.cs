extern alias portal;

using portal::Grants.Portal.Accounts;

namespace Grants.Portal.Tests;

public sealed class When_someone_signs_in
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static Account Given(int failures = 0, DateTimeOffset? lockedUntil = null) =>
        new("nadia", "Nadia", ["applicant"], Guid.NewGuid(), "hash", failures, lockedUntil);

    [Fact]
    public void Should_let_the_right_password_in_and_forget_earlier_failures()
    {
        var result = SignInRules.Decide(Given(failures: 3), passwordMatches: true, Now);

        Assert.Equal(new SignInResult(SignInOutcome.SignedIn, 0, null), result);
    }

    [Fact]
    public void Should_count_a_wrong_password()
    {
        var result = SignInRules.Decide(Given(failures: 1), passwordMatches: false, Now);

        Assert.Equal(new SignInResult(SignInOutcome.WrongPassword, 2, null), result);
    }

    [Fact]
    public void Should_lock_the_account_for_15_minutes_at_the_fifth_wrong_password()
    {
        var result = SignInRules.Decide(Given(failures: 4), passwordMatches: false, Now);

        Assert.Equal(new SignInResult(SignInOutcome.LockedOut, 0, Now.AddMinutes(15)), result);
    }

    [Fact]
    public void Should_refuse_even_the_right_password_while_locked()
    {
        var result = SignInRules.Decide(Given(lockedUntil: Now.AddMinutes(1)), passwordMatches: true, Now);

        Assert.Equal(SignInOutcome.LockedOut, result.Outcome);
    }

    [Fact]
    public void Should_let_the_right_password_in_once_the_lock_has_expired()
    {
        var result = SignInRules.Decide(Given(failures: 0, lockedUntil: Now.AddMinutes(-1)), passwordMatches: true, Now);

        Assert.Equal(SignInOutcome.SignedIn, result.Outcome);
    }
}
