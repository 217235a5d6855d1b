using Grants.EventSourcing;
using Grants.Hosting.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Hosting.Scheduling;

public static class EventScheduleRegistration
{
    /// <summary>
    /// Keeps Quartz triggers in step with events through a subscription: each trigger is written in
    /// the transaction that moves the subscription's checkpoint, so it exists if and only if its event
    /// does. <paramref name="eventTypes"/> are the events <paramref name="changes"/> reacts to; the
    /// subscription reads only those.
    /// </summary>
    public static IServiceCollection AddEventSchedule(
        this IServiceCollection services, string name, Func<StoredEvent, IEnumerable<ScheduleChange>> changes, params Type[] eventTypes)
    {
        ArgumentOutOfRangeException.ThrowIfZero(eventTypes.Length);
        return services.AddSubscription(sp => new ScheduleFromEvents(
            name, sp.GetRequiredService<ICommandScheduler>(), changes,
            eventTypes.Select(sp.GetRequiredService<EventStoreOptions>().Types.NameOf).ToHashSet(StringComparer.Ordinal)));
    }
}
