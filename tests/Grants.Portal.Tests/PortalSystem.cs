extern alias applications;
extern alias payments;
extern alias portal;
extern alias review;

using System.Net.Http.Headers;
using Grants.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using portal::Grants.Portal.Accounts;

namespace Grants.Portal.Tests;

[CollectionDefinition(Name)]
public sealed class PortalTests : ICollectionFixture<PortalSystem>
{
    public const string Name = "portal";
}

/// <summary>The real system in this process (<see cref="GrantsSystem{TApplications, TReview, TPayments, TPortal}"/>); Debian's chromium drives the portal as people would.</summary>
public sealed class PortalSystem : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    private TestVirtualHost? _virtualHost;
    private GrantsSystem<applications::Program, review::Program, payments::Program, portal::Program>? _system;
    private IPlaywright? _playwright;

    public Uri Portal { get; private set; } = new("http://127.0.0.1/");

    public Uri Applications { get; private set; } = new("http://127.0.0.1/");

    public Uri Review { get; private set; } = new("http://127.0.0.1/");

    public Uri Payments { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser { get; private set; } = null!;

    public AccountStore Accounts { get; private set; } = null!;

    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public async Task InitializeAsync()
    {
        _virtualHost = await TestRabbitMq.NewVirtualHost();
        _system = await GrantsSystem.Start<applications::Program, review::Program, payments::Program, portal::Program>(
            () => TestPostgres.NewSchema(), _virtualHost.Amqp);
        (Applications, Review, Payments) = (_system.Applications.Address, _system.Review.Address, _system.Payments.Address);
        Portal = _system.Portal.Address;
        Accounts = _system.Portal.Services.GetRequiredService<AccountStore>();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
    }

    /// <summary>An account for this test alone, in one role; applicants get an organisation of their own unless one is given.</summary>
    public async Task<string> Account(string role, Guid? organisation = null)
    {
        var user = $"{role}-{Guid.NewGuid():N}"[..20];
        await Accounts.Create(user, $"Test {role}", [role], role == Hosting.Security.GrantsRoles.Applicant ? organisation ?? Guid.NewGuid() : null, Password, CancellationToken.None);
        return user;
    }

    /// <summary>A browser of its own (its own cookies), signed in as <paramref name="user"/>.</summary>
    public async Task<IPage> SignIn(string user)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = Portal.ToString(), Locale = "en-GB" });
        var page = await context.NewPageAsync();
        // As long as Pages waits for what a page shows: the first sign-in of a run meets four hosts
        // that have not run a request yet, and took over 15 s once on a loaded machine.
        page.SetDefaultTimeout(30_000);
        // Script errors in the pages end up beside the screenshots, where whoever reads a failure looks.
        page.PageError += (_, error) => File.AppendAllText(Path.Combine(Artifacts, "browser-errors.log"), $"{page.Url}: {error}{Environment.NewLine}");
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Reached(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Straight to a service with a token, for what a test only needs to be there.</summary>
    public HttpClient Api(string role, string user, Guid? organisation = null, Uri? service = null)
    {
        var client = new HttpClient { BaseAddress = service ?? Applications };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role, user, organisation));
        return client;
    }

    public static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, $"{name}.png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        if (_system is not null)
        {
            await _system.DisposeAsync();
        }

        if (_virtualHost is not null)
        {
            await _virtualHost.DisposeAsync();
        }
    }
}
