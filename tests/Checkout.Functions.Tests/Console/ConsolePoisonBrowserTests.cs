using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Checkout.Testing;
using Microsoft.Playwright;

namespace Checkout.Functions.Tests.Console;

/// <summary>Moving a poison message back to its queue from the console, in a real browser, on an app whose payouts
/// handlers are disabled so the messages stay where the test puts and the console moves them.</summary>
public sealed class ConsolePoisonBrowserTests(PoisonHeldApiApp app) : ConsoleBrowser(app), IClassFixture<PoisonHeldApiApp>
{
    [Fact]
    public async Task Operator_MovesAPoisonMessageBackToItsQueue_OnceAndRecorded()
    {
        var queues = new QueueServiceClient(App.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var payouts = queues.GetQueueClient(App.Prefix + "-payouts");
        var poison = queues.GetQueueClient(App.Prefix + "-payouts-poison");
        await payouts.CreateIfNotExistsAsync();
        await poison.CreateIfNotExistsAsync();

        // What the payouts queue leaves in its poison queue when a request fails every delivery; another message beside
        // it must stay where it is.
        var body = $$"""{"merchantId":"dev","payoutId":"co_{{Guid.NewGuid():N}}-payout"}""";
        var other = $$"""{"merchantId":"dev","payoutId":"co_{{Guid.NewGuid():N}}-payout"}""";
        var sent = (await poison.SendMessageAsync(body)).Value;
        await poison.SendMessageAsync(other);
        var page = await SignedInAsync("Di Ops");

        await page.GetByRole(AriaRole.Link, new() { Name = "Needs attention" }).ClickAsync();
        var row = page.Locator("#attention-body tr", new() { HasText = sent.MessageId });
        await Assertions.Expect(row).ToContainTextAsync(App.Prefix + "-payouts-poison");
        await row.GetByRole(AriaRole.Button, new() { Name = "Move back…" }).ClickAsync();
        var dialog = page.Locator("#confirm-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync(App.Prefix + "-payouts");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#attention-body tr", new() { HasText = sent.MessageId })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#attention-body")).ToContainTextAsync("Poison queues (1)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "8-poison-moved.png"), FullPage = true });

        var moved = Assert.Single((await payouts.PeekMessagesAsync(32)).Value);
        Assert.Equal(body, moved.Body.ToString());
        var left = Assert.Single((await poison.PeekMessagesAsync(32)).Value);
        Assert.Equal(other, left.Body.ToString());
        Assert.Equal(1, left.DequeueCount);

        // The move is recorded under the operator's name; moving the same message again finds nothing to move.
        var recorded = new List<TableEntity>();
        await foreach (var action in App.Tables.GetTableClient("t" + App.Prefix + "operatoractions").QueryAsync<TableEntity>(r => r.PartitionKey == sent.MessageId))
        {
            recorded.Add(action);
        }

        Assert.Equal(("Di Ops", 200), (Assert.Single(recorded).GetString("Operator"), recorded[0].GetInt32("Status")));
        using var again = new HttpRequestMessage(HttpMethod.Post, $"/api/console/poison-queues/{App.Prefix}-payouts-poison/messages/{sent.MessageId}/move-back");
        again.Headers.Authorization = new("Bearer", OperatorKey);
        again.Headers.Add("X-Operator", "Di Ops");
        again.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var answer = await App.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains("moved back already", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await payouts.PeekMessagesAsync(32)).Value);
    }
}
