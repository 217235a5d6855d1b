using System.Globalization;
using Grants.Demo;

namespace Grants.Cli.Demo;

/// <summary>One line per application: where it ended, its score, and the money awarded, paid and recovered.</summary>
internal static class SummaryTable
{
    private static readonly System.Text.CompositeFormat Line = System.Text.CompositeFormat.Parse("{0,3}  {1,-38}  {2,-15}  {3,5}  {4,12}  {5,12}  {6,12}");

    public static void Write(DemoResult result, TextWriter output)
    {
        output.WriteLine($"Call {result.Reference} ({result.CallId})");
        output.WriteLine(Row("#", "organisation", "status", "score", "awarded", "paid", "recovered"));
        foreach (var a in result.Applications)
        {
            output.WriteLine(Row(
                a.Number.ToString(CultureInfo.InvariantCulture), Cut(a.Organisation, 38), a.Status,
                a.Score?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-", Money(a.Awarded), Money(a.Paid), Money(a.Recovered)));
        }

        output.WriteLine(Row("", "total", "", "", Money(result.Applications.Sum(a => a.Awarded ?? 0m)),
            Money(result.Applications.Sum(a => a.Paid)), Money(result.Applications.Sum(a => a.Recovered))));
    }

    private static string Row(params object[] cells) => string.Format(CultureInfo.InvariantCulture, Line, cells);

    private static string Money(decimal? amount) => amount is { } value and not 0m ? value.ToString("#,##0.00", CultureInfo.InvariantCulture) : "-";

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
