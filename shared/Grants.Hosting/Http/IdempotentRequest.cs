namespace Grants.Hosting.Http;

/// <summary>What an idempotency key stands for: who sent which request, down to a hash of its body.</summary>
internal sealed record IdempotentRequest(string Principal, string Key, string Method, string Path, byte[] BodyHash)
{
    public bool IsSameAs(IdempotentRequest other) =>
        Method == other.Method && Path == other.Path && BodyHash.AsSpan().SequenceEqual(other.BodyHash);
}
