namespace Grants.Hosting.Http;

/// <summary>One page of a list, with what a client needs to ask for the next (<see cref="PageRequest.Of"/> makes one).</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total)
{
    public long TotalPages => (Total + PageSize - 1) / PageSize;
}
