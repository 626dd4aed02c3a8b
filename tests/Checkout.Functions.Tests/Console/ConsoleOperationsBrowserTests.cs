using Checkout.Functions.Tests.Api;
using Checkout.Testing;
using Checkout.Workflows.Providers;
using Microsoft.Playwright;
using static Checkout.Functions.Tests.Payouts.PayoutApiClient;

namespace Checkout.Functions.Tests.Console;

/// <summary>The console's views beyond one checkout and its other actions, in a real browser, on an app of their own
/// (its merchant's payout destination fails on purpose).</summary>
public sealed class ConsoleOperationsBrowserTests(ApiApp app) : ConsoleBrowser(app), IClassFixture<ApiApp>
{
    [Fact]
    public async Task Operator_SeesAFailedPayoutNeedingAttention_RetriesIt_AndSeesPayoutsFxAndActivity()
    {
        await SetDestinationAsync(App, SandboxPayoutAccounts.AccountClosed);
        var payoutId = await CompleteCheckoutAsync(App);
        await UntilPayoutAsync(App, payoutId, p => Status(p) == "failed", "the payout fails");
        var page = await SignedInAsync("Bo Finance");

        await page.GetByRole(AriaRole.Link, new() { Name = "Needs attention" }).ClickAsync();
        var failed = page.Locator("#attention-body tr", new() { HasText = payoutId });
        await Assertions.Expect(failed).ToContainTextAsync("account_closed");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "5-attention.png"), FullPage = true });

        await failed.GetByRole(AriaRole.Button, new() { Name = "Retry…" }).ClickAsync();
        await page.Locator("#confirm-dialog").GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-dialog")).ToBeHiddenAsync();
        var retried = await UntilPayoutAsync(App, payoutId, p => p.GetProperty("attempt").GetInt32() == 2 && Status(p) == "failed", "the retry is sent, and fails on the same closed account");
        Assert.Equal("account_closed", retried.GetProperty("failureCode").GetString());

        await page.GetByRole(AriaRole.Link, new() { Name = "Payouts" }).ClickAsync();
        await page.Locator("#payout-status").SelectOptionAsync("failed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("#payouts-body")).ToContainTextAsync(payoutId);

        await page.GetByRole(AriaRole.Link, new() { Name = "FX rates" }).ClickAsync();
        await Assertions.Expect(page.Locator("#fx-body")).ToContainTextAsync("PKR");
        await Assertions.Expect(page.Locator("#fx-body")).ToContainTextAsync("sample");

        await page.GetByRole(AriaRole.Link, new() { Name = "Activity" }).ClickAsync();
        await Assertions.Expect(page.Locator("#activity-totals")).ToContainTextAsync("started");
        var totals = await page.Locator("#activity-totals").InnerTextAsync();
        Assert.DoesNotContain("started 0", totals, StringComparison.Ordinal);
        Assert.DoesNotContain("completed 0", totals, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "6-activity.png"), FullPage = true });

        // The retry is recorded under the operator's name.
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("Signed in as Bo Finance");
        var actions = App.Tables.GetTableClient("t" + App.Prefix + "operatoractions");
        var recorded = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var row in actions.QueryAsync<Azure.Data.Tables.TableEntity>(r => r.PartitionKey == payoutId))
        {
            recorded.Add(row);
        }

        var action = Assert.Single(recorded);
        Assert.Equal(("Bo Finance", "retry payout", 202), (action.GetString("Operator"), action.GetString("Action"), action.GetInt32("Status")));
    }

    [Fact]
    public async Task Operator_TerminatesAStuckCheckoutsOrchestration_ThenPurgesIt()
    {
        var body = SampleRequests.Parse();
        body["merchantReference"] = $"console-{Guid.NewGuid():N}";
        var id = await CheckoutPolling.StartAsync(App, body.ToJsonString());
        await CheckoutPolling.UntilStatusAsync(App, id, "awaiting_confirmation");
        var page = await SignedInAsync("Cy Support");
        await page.GotoAsync(new Uri(App.Http.BaseAddress!, $"/console/#checkout/{id}").ToString());
        var timeline = page.Locator("#checkout-body");
        await Assertions.Expect(timeline).ToContainTextAsync("Running");
        await Assertions.Expect(page.Locator("#purge-button")).ToBeDisabledAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Terminate orchestration…" }).ClickAsync();
        await page.Locator("#confirm-dialog").GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-dialog")).ToBeHiddenAsync();
        await Eventually.UntilAsync(
            async () =>
            {
                // After a reload the page signs in and fetches again: read the checkout once it is drawn, not before.
                await page.ReloadAsync();
                await Assertions.Expect(page.Locator("#checkout-title")).ToContainTextAsync(id);
                return await timeline.InnerTextAsync();
            },
            text => text.Contains("Terminated", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30),
            "the orchestration shows terminated");

        await page.GetByRole(AriaRole.Button, new() { Name = "Purge orchestration…" }).ClickAsync();
        await page.Locator("#confirm-dialog").GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-dialog")).ToBeHiddenAsync();
        await Assertions.Expect(timeline).ToContainTextAsync("no longer holds this orchestration");
        await Assertions.Expect(page.Locator("#actions")).ToContainTextAsync("purge orchestration");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "7-purged.png"), FullPage = true });
    }
}
