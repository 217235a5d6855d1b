namespace Grants.Hosting.Messaging;

public static class MessagingSettings
{
    /// <summary>Retries after the first attempt, before a message goes to the error queue.</summary>
    public const int RetryLimit = 5;

    /// <summary>
    /// Times a message that lost a race for a stream is decided again on fresh state, at once, before
    /// the loss counts as a failed attempt (<see cref="ConflictRetry"/>).
    /// </summary>
    public const int ConflictRetries = 20;

    /// <summary>The longest random pause before deciding again after a lost race.</summary>
    public static readonly TimeSpan LongestConflictPause = TimeSpan.FromSeconds(1);

    /// <summary>Publishes the relay has unconfirmed at once; a message can be overtaken by at most this many.</summary>
    public const int RelayPublishesInFlight = 100;

    /// <summary>
    /// Messages of one partition queue an instance holds at once, waiting for their turn or being
    /// handled. Above <see cref="RelayPublishesInFlight"/>, so the message a partition waits for is
    /// always among those delivered; few enough that a stopping instance hands little back.
    /// </summary>
    public const int PartitionMessagesInFlight = 150;

    /// <summary>Consecutive messages of a partition committed in one transaction at most.</summary>
    public const int MessagesPerCommit = 50;

    /// <summary>
    /// How long a partition waits for a missing number before it goes on without it (logged): long
    /// enough for a relay to retry a failed batch, which brings the missing message again.
    /// </summary>
    public static readonly TimeSpan SequenceGapTimeout = TimeSpan.FromSeconds(30);
}
