namespace Grants.Payments.Tests.Api;

/// <summary>Real time plus an offset the test moves: Quartz keeps polling on real timers while deadlines weeks away come due.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
