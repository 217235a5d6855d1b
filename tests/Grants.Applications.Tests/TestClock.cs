namespace Grants.Applications.Tests;

/// <summary>
/// Real time plus an offset the test sets: timers and Quartz keep running on real time, while "now"
/// jumps to a deadline weeks away, or to a second before it.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>Makes now be <paramref name="instant"/>, from which it runs on.</summary>
    public void Set(DateTimeOffset instant) => Interlocked.Exchange(ref _offsetTicks, (instant - System.GetUtcNow()).Ticks);
}
