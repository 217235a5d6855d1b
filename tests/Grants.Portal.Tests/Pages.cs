using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Grants.Portal.Tests;

/// <summary>What a person does again and again in the tests: fill a labelled field, press a button, wait for the other services to catch up.</summary>
public static class Pages
{
    public static Task Fill(this IPage page, string label, string value) => page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    public static Task Press(this IPage page, string button) => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    /// <summary>
    /// After an action that navigates: until the address satisfies <paramref name="arrived"/> and the
    /// new document has loaded (30 s at most). Polls, where WaitForURLAsync waits for the load event
    /// once the address matches: under load that event could arrive just before the wait began, and the
    /// wait then timed out on a page that had long finished loading.
    /// </summary>
    public static async Task Reached(this IPage page, Func<string, bool> arrived)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!arrived(page.Url))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The page stayed at {page.Url} for 30 s.");
            }

            await Task.Delay(50);
        }

        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
    }

    /// <summary><see cref="Reached(IPage, Func{string, bool})"/> for an address whose path matches <paramref name="path"/> (a regular expression).</summary>
    public static Task ReachedPath(this IPage page, string path) => page.Reached(url => Regex.IsMatch(new Uri(url).AbsolutePath, path));

    public static async Task<string> Text(this IPage page, string selector) => (await page.Locator(selector).First.TextContentAsync())?.Trim() ?? "";

    /// <summary>
    /// The services learn of each other's events over the bus, so a page shows them a moment later:
    /// reload until <paramref name="ready"/> holds (30 s at most).
    /// </summary>
    public static async Task Eventually(this IPage page, string url, Func<IPage, Task<bool>> ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await page.GotoAsync(url);
            if (await ready(page))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{url} did not show what was expected within 30 s; it shows: {await page.Locator("main").InnerTextAsync()}");
            }

            await Task.Delay(300);
        }
    }

    public static Task<bool> Shows(this IPage page, string text) => page.GetByText(text, new() { Exact = false }).First.IsVisibleAsync();

    /// <summary>Fails with what the page says instead, which is what whoever reads the failure needs.</summary>
    public static async Task Expect(this IPage page, string text)
    {
        if (!await page.Shows(text))
        {
            throw new Xunit.Sdk.XunitException($"{page.Url} does not show '{text}'; it shows: {await page.Locator("main").InnerTextAsync()}");
        }
    }

    public static Guid IdAfter(this IPage page, string prefix)
    {
        var path = new Uri(page.Url).AbsolutePath;
        return Guid.Parse(path[(path.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length)..].Split('/')[0]);
    }
}
