using Grants.Hosting.Messaging;
using Grants.Hosting.Scheduling;
using Microsoft.Extensions.Hosting;

namespace Grants.Applications.Common;

public static class EventSchedules
{
    /// <summary>
    /// Keeps Quartz triggers in step with events through a subscription: each trigger is written in
    /// the transaction that moves the subscription's checkpoint, so it exists if and only if its event does.
    /// </summary>
    public static IServiceCollection AddEventSchedule(
        this IServiceCollection services, string name, Func<StoredEvent, IEnumerable<ScheduleChange>> changes) =>
        services.AddSubscription(sp => new ScheduleFromEvents(name, sp.GetRequiredService<ICommandScheduler>(), changes));
}
