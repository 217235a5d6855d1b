namespace Grants.Payments;

internal static class SessionWrites
{
    /// <summary>Starts or appends to a stream as its version says; nothing decided, nothing written.</summary>
    public static void Write(this EventSession session, Guid streamId, string streamType, long version, IReadOnlyList<object> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        if (version == 0)
        {
            session.StartStream(streamId, streamType, events);
        }
        else
        {
            session.Append(streamId, version, events);
        }
    }
}
