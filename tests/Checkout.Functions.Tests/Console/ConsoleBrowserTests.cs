using System.Net;
using System.Text.Json;
using Checkout.Functions.Tests.Api;
using Checkout.Functions.Tests.Refunds;
using Checkout.Testing;
using Microsoft.Playwright;

namespace Checkout.Functions.Tests.Console;

/// <summary>The operations console in a real browser, as an operator uses it: find a checkout, open its timeline, refund it.</summary>
public sealed class ConsoleBrowserTests(ApiApp app) : ConsoleBrowser(app), IClassFixture<ApiApp>
{
    [Fact]
    public async Task Operator_FindsACheckoutByReference_OpensItsTimeline_RefundsIt_AndSeesTheRefund()
    {
        var reference = $"console-{Guid.NewGuid():N}";
        var body = SampleRequests.Parse();
        body["merchantReference"] = reference;
        var (id, charged, currency) = await RefundApiClient.CompleteAsync(App, body.ToJsonString());
        var page = await SignedInAsync("Ana Operator");

        await page.GetByLabel("Reference").FillAsync(reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var row = page.Locator($"#checkout-table tbody tr[data-id='{id}']");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#checkout-table tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("completed");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "1-checkouts.png"), FullPage = true });

        await row.ClickAsync();
        await Assertions.Expect(page.Locator("#checkout-title")).ToContainTextAsync(id);
        var timeline = page.Locator("#checkout-body");
        await Assertions.Expect(timeline).ToContainTextAsync("PayoutHandedOff");
        await Assertions.Expect(timeline).ToContainTextAsync("Runtime status");
        await Assertions.Expect(timeline.Locator("a", new() { HasText = "valuation" }).First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^https?://"));

        // The engine's own history of the orchestration: the assessment activity scheduled and completed.
        var engineHistory = page.Locator("#engine-history");
        await Assertions.Expect(engineHistory.Locator("tr", new() { HasText = "TaskScheduled" }).Filter(new() { HasText = "CheckoutAssess" })).ToHaveCountAsync(1);
        await Assertions.Expect(engineHistory.Locator("tr", new() { HasText = "TaskCompleted" }).Filter(new() { HasText = "CheckoutAssess" })).ToHaveCountAsync(1);
        await Assertions.Expect(engineHistory).ToContainTextAsync("ExecutionStarted");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "2-timeline.png"), FullPage = true });

        // A partial refund, confirmed in the page's dialog.
        await page.GetByRole(AriaRole.Button, new() { Name = "Refund…" }).ClickAsync();
        var dialog = page.Locator("#confirm-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.Locator("#refund-amount").FillAsync("1");
        await dialog.Locator("#refund-reason").FillAsync("Damaged in transit");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "3-refund-dialog.png"), FullPage = true });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        var refunds = page.Locator("#refunds");
        await Assertions.Expect(refunds).ToContainTextAsync("Damaged in transit");
        await Assertions.Expect(page.Locator("#actions")).ToContainTextAsync("Ana Operator");
        await Assertions.Expect(page.Locator("#actions")).ToContainTextAsync("refund");

        // The refund then succeeds; reopening the checkout shows it.
        await Eventually.UntilAsync(
            async () =>
            {
                await page.ReloadAsync();
                return await refunds.InnerTextAsync();
            },
            text => text.Contains("succeeded", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60),
            "the refund shows succeeded in the console");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "4-refunded.png"), FullPage = true });

        // The merchant's ledger shows the capture and the refund, each with its entries.
        await page.GetByRole(AriaRole.Button, new() { Name = "balances and ledger" }).ClickAsync();
        var ledger = page.Locator("#ledger");
        await Assertions.Expect(ledger.Locator("tr", new() { HasText = $"{id}-capture" })).ToContainTextAsync("debit");
        await Assertions.Expect(ledger.Locator("tr", new() { HasText = "refund" }).First).ToContainTextAsync("1.00 PKR");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "4b-ledger.png"), FullPage = true });

        // The merchant's own API sees the operator's refund: "1" typed in the page is 1.00 PKR, 100 paisa (ISO 4217's
        // two decimals, not the browser's none for PKR).
        Assert.Equal("PKR", currency);
        await Assertions.Expect(timeline).ToContainTextAsync("1.00 PKR");
        var listed = await RefundApiClient.ListAsync(App, id);
        var refund = Assert.Single(listed.GetProperty("data").EnumerateArray());
        Assert.Equal("Damaged in transit", refund.GetProperty("reason").GetString());
        Assert.Equal(100, refund.GetProperty("amount").GetProperty("value").GetInt64());
        Assert.True(charged > 100, $"{charged} {currency}");
    }

    [Fact]
    public async Task SignIn_WrongKey_IsRefusedInThePage()
    {
        var page = await NewPageAsync();

        await page.GotoAsync(new Uri(App.Http.BaseAddress!, "/console/").ToString());
        await page.GetByLabel("Your name").FillAsync("Mallory");
        await page.GetByLabel("Operator key").FillAsync("not-the-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator("#sign-in-error")).ToContainTextAsync("operator key");
        await Assertions.Expect(page.Locator("#checkouts")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task ConsoleApi_WithoutTheOperatorsName_Is401_AndAMerchantKeyIsNotAnOperatorKey()
    {
        using var noName = new HttpRequestMessage(HttpMethod.Get, "/api/console/checkouts");
        noName.Headers.Authorization = new("Bearer", OperatorKey);
        using var refused = await App.Http.SendAsync(noName);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("X-Operator", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var merchant = new HttpRequestMessage(HttpMethod.Get, "/api/console/checkouts");
        merchant.Headers.Authorization = new("Bearer", ApiApp.DevKey);
        merchant.Headers.Add("X-Operator", "Mallory");
        using var notOperator = await App.Http.SendAsync(merchant);
        Assert.Equal(HttpStatusCode.Unauthorized, notOperator.StatusCode);
    }

    [Fact]
    public async Task ConsoleApi_RefundOfACheckoutNotCompleted_IsRefusedWithTheMerchantApisProblem_AndRecorded()
    {
        var body = SampleRequests.Parse();
        body["merchantReference"] = $"console-{Guid.NewGuid():N}";
        var id = await CheckoutPolling.StartAsync(App, body.ToJsonString());
        await CheckoutPolling.UntilStatusAsync(App, id, "awaiting_confirmation");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/console/checkouts/{id}/refunds") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", OperatorKey);
        request.Headers.Add("X-Operator", "Ana Operator");
        using var refused = await App.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("refund.checkout_not_completed", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var get = new HttpRequestMessage(HttpMethod.Get, $"/api/console/checkouts/{id}");
        get.Headers.Authorization = new("Bearer", OperatorKey);
        get.Headers.Add("X-Operator", "Ana Operator");
        using var view = await App.Http.SendAsync(get);
        using var document = JsonDocument.Parse(await view.Content.ReadAsStringAsync());
        var action = Assert.Single(document.RootElement.GetProperty("actions").EnumerateArray());
        Assert.Equal(("Ana Operator", "refund", 409), (action.GetProperty("operator").GetString(), action.GetProperty("action").GetString(), action.GetProperty("status").GetInt32()));
    }
}
