extern alias portal;

using System.Globalization;
using Grants.Contracts;
using portal::Grants.Portal.Pages;

namespace Grants.Portal.Tests;

public sealed class When_amounts_and_dates_are_shown
{
    [Theory]
    [InlineData("en", "96,000.50 EUR", "3/1/2027")]
    [InlineData("fr", "96\u202f000,50 EUR", "01/03/2027")]
    [InlineData("nl", "96.000,50 EUR", "01-03-2027")]
    [InlineData("fr-BE", "96\u202f000,50 EUR", "1/03/2027")]
    [InlineData("nl-BE", "96.000,50 EUR", "1/03/2027")]
    public void Should_write_them_as_the_readers_language_does(string culture, string amount, string date)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            Assert.Equal(amount, Format.Amount(new Money(96_000.50m, "EUR")));
            Assert.Equal(date, Format.Date(new DateOnly(2027, 3, 1)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
