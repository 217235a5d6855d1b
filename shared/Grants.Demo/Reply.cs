namespace Grants.Demo;

/// <summary>A service's answer: its status, its JSON body (or the raw bytes of a file) and the stream version its ETag carries.</summary>
public sealed record Reply(string Request, HttpStatusCode Status, JsonElement Body, long? Version, byte[] Content)
{
    public bool Ok => (int)Status is >= 200 and < 300;

    /// <summary>The stable code of a problem answer, when there is one.</summary>
    public string? Code => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("code", out var code) ? code.GetString() : null;

    public Reply EnsureOk() => Ok ? this : throw new ScenarioException($"{Request} answered {(int)Status} {Code}: {Detail}");

    public JsonElement this[string property] => Body.GetProperty(property);

    private string Detail => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("detail", out var detail)
        ? detail.ToString()
        : System.Text.Encoding.UTF8.GetString(Content.AsSpan(0, Math.Min(Content.Length, 300)));
}
