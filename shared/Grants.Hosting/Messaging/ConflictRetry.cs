using Grants.EventSourcing;

namespace Grants.Hosting.Messaging;

/// <summary>
/// A consumer that lost a race for a stream to another writer (another partition, another instance)
/// decides again on fresh state, after a random pause that grows with each loss, before the failure
/// counts as one of its delivery's few spaced retries. Many messages that all write one stream (every
/// eligible application enters its call) used to run out of those retries and park good messages in
/// _error; here they take turns.
/// </summary>
internal static class ConflictRetry
{
    public static async Task Run(Func<Task> attempt, CancellationToken ct, int retries = MessagingSettings.ConflictRetries)
    {
        for (var lost = 0; ; lost++)
        {
            try
            {
                await attempt();
                return;
            }
            catch (ConcurrencyException) when (lost < retries && !ct.IsCancellationRequested)
            {
                await Task.Delay(Pause(lost), ct);
            }
        }
    }

    /// <summary>Up to 10 ms after the first loss, doubling, at most <see cref="MessagingSettings.LongestConflictPause"/>: the losers spread out.</summary>
    private static TimeSpan Pause(int lost)
    {
        var longest = Math.Min(MessagingSettings.LongestConflictPause.TotalMilliseconds, 10 * Math.Pow(2, lost));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * longest);
    }
}
