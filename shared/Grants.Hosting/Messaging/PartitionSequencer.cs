using Grants.EventSourcing;
using MassTransit;
using Npgsql;

namespace Grants.Hosting.Messaging;

/// <summary>
/// Handles one consumer's messages of one partition in relay order, whatever order they were
/// delivered in, and commits each run of consecutive messages in one transaction together with the
/// partition's position. A run that fails is handled again one message at a time, so a failing
/// message is retried (the ones after it wait) and finally parked in _error on its own. Handlers
/// decide on states from <paramref name="states"/> where they can; a run whose cached state was out
/// of date fails its version check and is handled again on states read afresh.
/// </summary>
internal sealed class PartitionSequencer(EventStore store, NpgsqlDataSource dataSource, StateCache states, string consumer, string partition)
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, SequencedMessage> _waiting = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _draining;

    /// <summary>Completes when the message took effect (or was a duplicate); faults when it failed.</summary>
    public async Task Run(SequencedMessage message, CancellationToken ct)
    {
        SequencedMessage? earlier;
        lock (_gate)
        {
            if (!_waiting.TryGetValue(message.Sequence, out earlier))
            {
                _waiting[message.Sequence] = message;
                _arrived.TrySetResult();
                if (!_draining)
                {
                    _draining = true;
                    _ = Task.Run(DrainSafely, CancellationToken.None);
                }
            }
        }

        if (earlier is not null)
        {
            // A second copy (a relay re-published its batch) waits for the first; the inbox decides.
            await earlier.Done.Task.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            await Alone(message, position: false);
            await message.Done.Task;
            return;
        }

        await using (ct.Register(() => Forget(message)))
        {
            await message.Done.Task;
        }
    }

    private void Forget(SequencedMessage message)
    {
        lock (_gate)
        {
            if (_waiting.TryGetValue(message.Sequence, out var waiting) && waiting == message)
            {
                _waiting.Remove(message.Sequence);
            }
        }

        message.Done.TrySetCanceled();
    }

    private async Task DrainSafely()
    {
        try
        {
            await Drain();
        }
        catch (Exception error)
        {
            // Nothing is lost: the waiting deliveries fail, so the broker's retry brings them back.
            LogContext.Error?.Log(error, "{Consumer} partition {Partition}: the sequencer stopped", consumer, partition);
            FailAll(error);
        }
    }

    private async Task Drain()
    {
        // The position is read again after every idle spell: another instance may have been the
        // partition's single active consumer in between.
        var last = await ReadPosition();
        DateTimeOffset? gapSince = null;
        while (true)
        {
            List<SequencedMessage> late, run;
            Task arrived;
            lock (_gate)
            {
                late = [.. _waiting.Values.TakeWhile(m => m.Sequence <= last)];
                run = [.. _waiting.Values.SkipWhile(m => m.Sequence <= last)
                    .Select((m, i) => (m, i)).TakeWhile(x => x.m.Sequence == last + 1 + x.i).Select(x => x.m)
                    .Take(MessagingSettings.MessagesPerCommit)];
                if (late.Count == 0 && run.Count == 0 && _waiting.Count == 0)
                {
                    _draining = false;
                    return;
                }

                _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                arrived = _arrived.Task;
            }

            foreach (var message in late)
            {
                // Handled before, or parked and requeued by an operator: its turn has passed.
                await Alone(message, position: false);
            }

            if (run.Count > 0)
            {
                gapSince = null;
                last = await Handle(run, last);
                continue;
            }

            if (late.Count > 0)
            {
                continue;
            }

            gapSince ??= DateTimeOffset.UtcNow;
            var waited = DateTimeOffset.UtcNow - gapSince.Value;
            if (waited < MessagingSettings.SequenceGapTimeout)
            {
                await Task.WhenAny(arrived, Task.Delay(MessagingSettings.SequenceGapTimeout - waited));
                continue;
            }

            lock (_gate)
            {
                var next = _waiting.Keys.FirstOrDefault(last + 1);
                LogContext.Warning?.Log(
                    "{Consumer} partition {Partition}: messages {From} to {To} never arrived within {Timeout}; going on without them",
                    consumer, partition, last + 1, next - 1, MessagingSettings.SequenceGapTimeout);
                last = next - 1;
            }

            gapSince = null;
        }
    }

    /// <summary>Commits the run together, or else one by one; returns the new position.</summary>
    private async Task<long> Handle(List<SequencedMessage> run, long last)
    {
        if (run.Count > 1)
        {
            try
            {
                // A run that keeps losing goes one by one soon: alone, each message holds the stream briefly.
                await ConflictRetry.Run(() => Commit(run), CancellationToken.None, retries: 2);
                Complete(run);
                return run[^1].Sequence;
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                LogContext.Debug?.Log(error, "{Consumer} partition {Partition}: a run of {Count} failed; handling it one by one", consumer, partition, run.Count);
            }
        }

        foreach (var message in run)
        {
            if (!await Alone(message, position: true))
            {
                break;
            }

            last = message.Sequence;
        }

        return last;
    }

    /// <summary>
    /// One message in its own transaction. False when it failed and will be retried: the messages
    /// after it wait. On its last attempt it is given up (its delivery goes to _error) and the
    /// partition moves past it.
    /// </summary>
    private async Task<bool> Alone(SequencedMessage message, bool position)
    {
        try
        {
            await ConflictRetry.Run(() => Commit([message], position), CancellationToken.None);
            Complete([message]);
            return true;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return await Failed(message, error, position);
        }
    }

    /// <summary>
    /// The messages and, when <paramref name="position"/>, the partition's new position in one
    /// transaction; a failure forgets the cached states it read, so the next attempt reads afresh.
    /// </summary>
    private async Task Commit(IReadOnlyList<SequencedMessage> messages, bool position = true)
    {
        var group = store.OpenGroup(states);
        try
        {
            foreach (var message in messages)
            {
                var session = group.OpenSession(message.Metadata);
                session.MarkProcessed(message.MessageId, consumer);
                await message.Handle(session, CancellationToken.None);
            }

            if (position)
            {
                group.Also(PositionCommand(messages[^1].Sequence));
            }

            await group.SaveChanges(CancellationToken.None);
        }
        catch
        {
            group.Discard();
            throw;
        }
    }

    private async Task<bool> Failed(SequencedMessage message, Exception error, bool position)
    {
        try
        {
            // A redelivery whose decider now refuses, or a duplicate: acknowledged, no effect.
            if (await store.HasProcessed(message.MessageId, consumer, CancellationToken.None))
            {
                if (position)
                {
                    await WritePosition(message.Sequence);
                }

                Complete([message]);
                return true;
            }

            if (message.LastAttempt && position)
            {
                await WritePosition(message.Sequence);
            }
        }
        catch (Exception unavailable) when (unavailable is not OutOfMemoryException)
        {
            error = new AggregateException(error, unavailable);
        }

        Remove(message);
        message.Done.TrySetException(error);
        return message.LastAttempt;
    }

    private void Complete(IEnumerable<SequencedMessage> messages)
    {
        foreach (var message in messages)
        {
            Remove(message);
            message.Done.TrySetResult();
        }
    }

    private void Remove(SequencedMessage message)
    {
        lock (_gate)
        {
            if (_waiting.TryGetValue(message.Sequence, out var waiting) && waiting == message)
            {
                _waiting.Remove(message.Sequence);
            }
        }
    }

    private void FailAll(Exception error)
    {
        List<SequencedMessage> all;
        lock (_gate)
        {
            all = [.. _waiting.Values];
            _waiting.Clear();
            _draining = false;
        }

        foreach (var message in all)
        {
            message.Done.TrySetException(error);
        }
    }

    private async Task<long> ReadPosition()
    {
        await using var command = dataSource.CreateCommand(
            $"select sequence from {store.Options.Schema}.consumer_positions where consumer = $1 and partition = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = consumer });
        command.Parameters.Add(new NpgsqlParameter { Value = partition });
        return await command.ExecuteScalarAsync() is long sequence ? sequence : 0;
    }

    private async Task WritePosition(long sequence)
    {
        var group = store.OpenGroup();
        group.Also(PositionCommand(sequence));
        await group.SaveChanges(CancellationToken.None);
    }

    private NpgsqlBatchCommand PositionCommand(long sequence) =>
        new($"""
            insert into {store.Options.Schema}.consumer_positions (consumer, partition, sequence) values ($1, $2, $3)
            on conflict (consumer, partition) do update
            set sequence = greatest(consumer_positions.sequence, excluded.sequence), updated_at = now()
            """)
        {
            Parameters = { new() { Value = consumer }, new() { Value = partition }, new() { Value = sequence } },
        };
}
