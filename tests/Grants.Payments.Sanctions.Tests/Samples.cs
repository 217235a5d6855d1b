namespace Grants.Payments.Sanctions.Tests;

/// <summary>The sample lists shipped with the service (services/Payments/Sanctions/Samples), copied next to the tests.</summary>
internal static class Samples
{
    public static byte[] Un => File.ReadAllBytes(PathOf("un-consolidated-sample.xml"));

    public static byte[] Eu => File.ReadAllBytes(PathOf("eu-fsf-sample.xml"));

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Samples", file);

    /// <summary>The UN sample with its publication date and one entry's alias changed: a later version of the list.</summary>
    public static byte[] UnLater(string date = "2026-12-07T23:00:03.000Z", string? aliasChange = null)
    {
        var text = System.Text.Encoding.UTF8.GetString(Un).Replace("2026-11-30T23:00:03.412Z", date, StringComparison.Ordinal);
        if (aliasChange is not null)
        {
            text = text.Replace("Abou Khaled al-Masri", aliasChange, StringComparison.Ordinal);
        }

        return System.Text.Encoding.UTF8.GetBytes(text);
    }
}
