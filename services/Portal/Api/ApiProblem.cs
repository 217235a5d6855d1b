using System.Text.Json;

namespace Grants.Portal.Api;

/// <summary>A problem details answer of a service: its stable code, a message, and what is wrong with which field.</summary>
public sealed record ApiProblem(int Status, string Code, string Message, IReadOnlyDictionary<string, string[]> Errors)
{
    public static async Task<ApiProblem> Read(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var root = json.RootElement;
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in e.EnumerateObject())
                {
                    errors[field.Name] = [.. field.Value.EnumerateArray().Select(m => m.GetString() ?? "")];
                }
            }

            var message = Text(root, "detail") ?? Text(root, "title") ?? response.ReasonPhrase ?? "The request failed.";
            return new ApiProblem(status, Text(root, "code") ?? $"http.{status}", message, errors);
        }
        catch (JsonException)
        {
            return new ApiProblem(status, $"http.{status}", response.ReasonPhrase ?? "The request failed.", new Dictionary<string, string[]>());
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

public sealed class ApiException(ApiProblem problem) : Exception(problem.Message)
{
    public ApiProblem Problem { get; } = problem;
}
