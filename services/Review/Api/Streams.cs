namespace Grants.Review.Api;

public static class Streams
{
    public const string Call = "review-call";
    public const string Case = "review-case";
    public const string Report = "report-assessment";

    /// <summary>Starts the stream or appends to it at the version it was read at; nothing when there is nothing to record.</summary>
    public static void Write<TState>(this EventSession session, StreamState<TState> stream, string streamType, IReadOnlyList<object> events, long? expectedVersion = null)
    {
        if (events.Count == 0)
        {
            return;
        }

        var version = expectedVersion ?? stream.Version;
        if (version == 0)
        {
            session.StartStream(stream.StreamId, streamType, events);
        }
        else
        {
            session.Append(stream.StreamId, version, events);
        }
    }
}
