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
        // Not AddHostedService: that keeps one registration per implementation type, and the kit's relay is a SubscriptionWorker too.
        services.AddSingleton<IHostedService>(sp => new SubscriptionWorker(
            new Subscription(sp.GetRequiredService<EventStore>(), new ScheduleFromEvents(name, sp.GetRequiredService<ICommandScheduler>(), changes)),
            sp.GetRequiredService<SchemaReadiness>(),
            sp.GetRequiredService<ILogger<SubscriptionWorker>>()));
}
