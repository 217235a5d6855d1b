namespace Grants.Hosting.Messaging;

public static class MessagingSettings
{
    /// <summary>Retries after the first attempt, before a message goes to the error queue.</summary>
    public const int RetryLimit = 5;

    /// <summary>
    /// Enough unacknowledged messages per consumer to keep the partitions busy while a database
    /// commit is in flight, few enough that a stopping instance hands little back to the broker.
    /// </summary>
    public const int PrefetchCount = 32;
}
