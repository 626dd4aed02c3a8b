using Checkout.Functions.Tests.Api;
using Checkout.Testing;
using Microsoft.Playwright;

namespace Checkout.Functions.Tests.Console;

/// <summary>
/// What the console's browser tests share: Debian's headless Chromium (test.sh installs it) driven by Playwright, against
/// the app on Azurite, signed in as an operator. Screenshots go to TestResults/console at the repository root.
/// </summary>
public abstract class ConsoleBrowser(ApiApp app) : IAsyncLifetime
{
    protected const string OperatorKey = "dev_operator_key";
    protected static readonly string Screenshots = Path.Combine(RepositoryPaths.Root, "TestResults", "console");

    /// <summary>The app on Azurite the console is served by.</summary>
    protected ApiApp App => app;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,

            // Tests run as root in CI containers, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    protected async Task<IPage> NewPageAsync()
    {
        var context = await _browser.NewContextAsync();
        return await context.NewPageAsync();
    }

    /// <summary>Opens the console and signs in as <paramref name="name"/> with the operator key.</summary>
    protected async Task<IPage> SignedInAsync(string name)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(app.Http.BaseAddress!, "/console").ToString());
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Operator key").FillAsync(OperatorKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync($"Signed in as {name}");
        return page;
    }

    /// <summary>Debian's chromium; CHROMIUM_PATH points elsewhere where it lives elsewhere.</summary>
    private static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"No Chromium at {path}: ./test.sh installs Debian's chromium package, or set CHROMIUM_PATH.");
    }
}
