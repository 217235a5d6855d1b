namespace Grants.Hosting.Tests;

/// <summary>
/// Real time plus an offset a test moves forward: the scheduler still polls on real timers, but
/// what it sees as "now" jumps, so a deadline weeks away comes due without waiting for it.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
