namespace Grants.Applications.Common;

public static class Currencies
{
    public static bool IsCode(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);
}
