namespace Grants.Portal.Pages;

/// <summary>Where a link of the error summary leads: the services name fields in camelCase JSON paths, the form's ids follow the model's PascalCase.</summary>
public static class ErrorSummary
{
    public static string FieldName(string key) =>
        string.Join('.', key.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToUpperInvariant(segment[0]) + segment[1..]));
}
