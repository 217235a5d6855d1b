namespace Grants.Hosting.Messaging;

public static class MessagingSettings
{
    /// <summary>Retries after the first attempt, before a message goes to the error queue.</summary>
    public const int RetryLimit = 5;

    /// <summary>
    /// Messages the broker hands an instance ahead of the one being handled, so the next is there
    /// when a commit finishes; few enough that a stopping instance hands little back.
    /// </summary>
    public const int PrefetchCount = 16;
}
