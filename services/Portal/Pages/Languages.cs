namespace Grants.Portal.Pages;

/// <summary>The languages a person may pick, each with the culture its dates and amounts are written in.</summary>
public static class Languages
{
    public static IReadOnlyList<(string Code, string Name, string Culture)> Supported { get; } =
    [
        ("en", "English", "en"),
        ("fr", "Français", "fr-BE"),
        ("nl", "Nederlands", "nl-BE"),
    ];
}
