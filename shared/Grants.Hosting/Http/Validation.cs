using System.Globalization;
using System.Text.Json;

namespace Grants.Hosting.Http;

/// <summary>
/// Collects every invalid field of a request, then rejects it once with all of them (400,
/// <c>request.invalid</c>). Pass <c>nameof(body.Title)</c> or a dotted path (<c>Budget.Amount</c>);
/// the field is reported as the JSON names it (<c>budget.amount</c>).
/// </summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>Present and, for text, not blank.</summary>
    public Validation Required(string field, object? value) =>
        Must(value is not null && !(value is string text && string.IsNullOrWhiteSpace(text)), field, "is required.");

    public Validation MaxLength(string field, string? value, int max) =>
        Must(value is null || value.Length <= max, field, $"must be at most {max} characters long.");

    /// <summary>Within [min, max] when present; absence is <see cref="Required"/>'s to report.</summary>
    public Validation Range<T>(string field, T? value, T min, T max)
        where T : struct, IComparable<T> =>
        Must(
            value is not { } v || (v.CompareTo(min) >= 0 && v.CompareTo(max) <= 0),
            field,
            string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}."));

    /// <summary>Each of the values (a repeated query parameter, say) one of <paramref name="allowed"/>; none at all is fine.</summary>
    public Validation EachOneOf(string field, IEnumerable<string>? values, IReadOnlyCollection<string> allowed) =>
        Must(values is null || values.All(allowed.Contains), field, $"must each be one of {string.Join(", ", allowed)}.");

    public Validation Must(bool condition, string field, string message)
    {
        if (!condition)
        {
            var name = JsonName(field);
            if (!_errors.TryGetValue(name, out var messages))
            {
                _errors[name] = messages = [];
            }

            messages.Add(message);
        }

        return this;
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new RequestValidationException(Errors);
        }
    }

    private static string JsonName(string field) =>
        string.Join('.', field.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
