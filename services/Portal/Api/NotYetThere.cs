namespace Grants.Portal.Api;

/// <summary>
/// What one service learns from another over the bus reaches it a moment later, and until then it
/// answers 404: a page that has just caused such a message reads a few times before giving up.
/// </summary>
public static class NotYetThere
{
    /// <returns>What <paramref name="read"/> found, or null if it still answered 404 after the last attempt; any other refusal is thrown.</returns>
    public static async Task<T?> ReadSoon<T>(Func<Task<T>> read, int attempts, TimeSpan pause, TimeProvider time, CancellationToken ct)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await read();
            }
            catch (ApiException e) when (e.Problem.Status == 404)
            {
                if (attempt >= attempts)
                {
                    return null;
                }
            }

            await Task.Delay(pause, time, ct);
        }
    }
}
