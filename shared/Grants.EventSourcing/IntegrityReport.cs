namespace Grants.EventSourcing;

/// <summary>What the verifier found: every damaged stream with its first broken event, and every digest that no longer matches.</summary>
public sealed record IntegrityReport(
    long StreamsChecked,
    long EventsChecked,
    int DigestsChecked,
    IReadOnlyList<StreamDamage> DamagedStreams,
    IReadOnlyList<DigestDamage> DamagedDigests)
{
    public bool IsIntact => DamagedStreams.Count == 0 && DamagedDigests.Count == 0;
}

/// <summary>The first place a stream's chain breaks; Version and Sequence are null when the damage is in the stream head itself.</summary>
public sealed record StreamDamage(Guid StreamId, long? Version, long? Sequence, string Problem);

public sealed record DigestDamage(long DigestVersion, DateTimeOffset RecordedAt, string Problem);
