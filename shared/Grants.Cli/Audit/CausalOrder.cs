using Grants.Hosting.Audit;

namespace Grants.Cli.Audit;

/// <summary>
/// Merges the events several services hold about one id into one order that respects causes: each
/// service's own log order, and an event after the one whose message caused it (its causation id is
/// that event's message or event id), whatever the clocks say. Among events free to come next, the
/// earliest time goes first.
/// </summary>
public static class CausalOrder
{
    public static IReadOnlyList<(AuditEvent Event, int? CausedBy)> Merge(IEnumerable<AuditEvent> events)
    {
        var all = events.OrderBy(e => e.Service, StringComparer.Ordinal).ThenBy(e => e.TransactionId).ThenBy(e => e.Sequence).ToList();
        var byId = new Dictionary<Guid, int>();
        for (var i = 0; i < all.Count; i++)
        {
            byId.TryAdd(all[i].MessageId, i);
            byId.TryAdd(all[i].EventId, i);
        }

        var parents = all.Select(e => e.CausationId is { } c && byId.TryGetValue(c, out var p) ? p : (int?)null).ToList();
        var before = all.Select(_ => new List<int>()).ToList();
        for (var i = 0; i < all.Count; i++)
        {
            if (i > 0 && all[i - 1].Service == all[i].Service)
            {
                before[i].Add(i - 1);
            }

            if (parents[i] is { } parent && parent != i)
            {
                before[i].Add(parent);
            }
        }

        var after = all.Select(_ => new List<int>()).ToList();
        var waiting = new int[all.Count];
        var ready = new PriorityQueue<int, (DateTimeOffset, int)>();
        for (var i = 0; i < all.Count; i++)
        {
            foreach (var b in before[i])
            {
                after[b].Add(i);
            }

            waiting[i] = before[i].Count;
            if (waiting[i] == 0)
            {
                ready.Enqueue(i, (all[i].Time, i));
            }
        }

        var placed = new int?[all.Count];
        var order = new List<int>();
        while (order.Count < all.Count)
        {
            // Nothing ready with events left means a cycle, which only damaged data makes: time decides.
            var next = ready.TryDequeue(out var n, out _)
                ? n
                : Enumerable.Range(0, all.Count).Where(i => placed[i] is null).MinBy(i => (all[i].Time, i));
            if (placed[next] is not null)
            {
                continue;
            }

            placed[next] = order.Count;
            order.Add(next);
            foreach (var s in after[next])
            {
                if (--waiting[s] == 0 && placed[s] is null)
                {
                    ready.Enqueue(s, (all[s].Time, s));
                }
            }
        }

        return [.. order.Select(i => (all[i], parents[i] is { } p ? placed[p] + 1 : null))];
    }
}
