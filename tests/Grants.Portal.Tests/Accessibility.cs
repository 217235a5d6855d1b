using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Grants.Portal.Tests;

/// <summary>axe-core run in the page as it stands: a serious or critical violation fails the test, named with where it is.</summary>
public static class Accessibility
{
    public static async Task ExpectAccessible(this IPage page)
    {
        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, serious)}");
    }

    /// <summary>Tab (at most 40 times) until the element <paramref name="selector"/> names has the focus, as a keyboard user would.</summary>
    public static async Task TabTo(this IPage page, string selector)
    {
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) === true", selector))
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException($"Tab never reached {selector} on {page.Url}.");
    }
}
