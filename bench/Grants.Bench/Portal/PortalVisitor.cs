using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Grants.Bench.Portal;

/// <summary>A person signed in to the portal: an HTTP client holding the session cookie, as a browser would, without rendering anything.</summary>
internal sealed partial class PortalVisitor(HttpClient http, string user) : IDisposable
{
    public string User => user;

    public static async Task<PortalVisitor> SignIn(Uri portal, string user, string password)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = portal };
        var form = await http.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var token = AntiforgeryToken().Match(form) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The sign-in form carries no antiforgery token.");
        using var response = await http.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("sign-in", StringComparison.Ordinal) != false)
        {
            throw new InvalidOperationException($"{user} could not sign in: {(int)response.StatusCode}.");
        }

        return new PortalVisitor(http, user);
    }

    /// <summary>One page, read to its end; anything but 200 is a failure of the bench, not a figure.</summary>
    public async Task<double> Time(string path)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return response.StatusCode == HttpStatusCode.OK
            ? elapsed
            : throw new InvalidOperationException($"{path} as {user}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
