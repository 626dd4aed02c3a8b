using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Checkout.Functions.Api;
using Checkout.Testing;
using Checkout.Workflows.Orchestration;

namespace Checkout.Functions.Tests.Api;

/// <summary>Checkouts through the real HTTP pipeline and workflow: start, poll, confirm, cancel, reject.</summary>
public sealed class CheckoutLifecycleTests(ApiApp app) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task Start_ValidCart_Answers202WithStatusUriAndLinks()
    {
        using var response = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.Checkout);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        var id = root.GetProperty("id").GetString()!;
        var status = root.GetProperty("statusQueryGetUri").GetString()!;
        Assert.Equal(new Uri(app.Http.BaseAddress!, $"/api/checkouts/{id}"), new Uri(status));
        Assert.Equal(new Uri(status), response.Headers.Location);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(status + "/confirm", root.GetProperty("confirmPostUri").GetString());
        Assert.Equal(status + "/cancel", root.GetProperty("cancelPostUri").GetString());
        Assert.Equal("created", root.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Checkout_ConfirmedQuote_CompletesWithLandedCostInMinorUnits()
    {
        var id = await CheckoutPolling.StartAsync(app, SampleRequests.Checkout);

        var (waitingCode, waiting) = await CheckoutPolling.UntilStatusAsync(app, id, "awaiting_confirmation");
        Assert.Equal(HttpStatusCode.Accepted, waitingCode);
        var quoteId = waiting.GetProperty("quote").GetProperty("id").GetString();
        var total = waiting.GetProperty("landedCost").GetProperty("total");
        Assert.Equal("PKR", total.GetProperty("currency").GetString());
        Assert.Equal(JsonValueKind.Number, total.GetProperty("value").ValueKind);
        Assert.True(total.GetProperty("value").GetInt64() > 0);
        Assert.NotEmpty(waiting.GetProperty("landedCost").GetProperty("lines").EnumerateArray());
        Assert.True(waiting.GetProperty("landedCost").GetProperty("isEstimate").GetBoolean(), "a quote not yet confirmed is an estimate");
        Assert.False(waiting.TryGetProperty("captureId", out _), "nothing is captured before the confirm");
        Assert.False(waiting.TryGetProperty("payoutId", out _));

        using var confirm = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/confirm", $$"""{"quoteId":"{{quoteId}}"}""");
        Assert.Equal(HttpStatusCode.Accepted, confirm.StatusCode);

        var (doneCode, done) = await CheckoutPolling.UntilStatusAsync(app, id, "completed", "?showHistory=true");
        Assert.Equal(HttpStatusCode.OK, doneCode);
        Assert.Equal("order-1001", done.GetProperty("merchantReference").GetString());
        Assert.False(done.GetProperty("landedCost").GetProperty("isEstimate").GetBoolean(), "the confirmed landed cost is what was charged");
        var cost = done.GetProperty("landedCost");
        Assert.Equal(
            cost.GetProperty("total").GetProperty("value").GetInt64(),
            cost.GetProperty("amountDueAtCheckout").GetProperty("value").GetInt64() + cost.GetProperty("amountDueElsewhere").GetProperty("value").GetInt64());
        Assert.StartsWith("ch_", done.GetProperty("captureId").GetString(), StringComparison.Ordinal);
        var payoutId = done.GetProperty("payoutId").GetString();
        using var payout = await app.SendAsync(HttpMethod.Get, $"/api/payouts/{payoutId}");
        Assert.Equal(HttpStatusCode.OK, payout.StatusCode);
        Assert.False(done.TryGetProperty("cancelReason", out _));
        var history = done.GetProperty("historyEvents").EnumerateArray().ToList();
        var events = history.Select(e => e.GetProperty("status").GetString()).ToList();
        Assert.Contains("awaiting_confirmation", events);
        Assert.Equal("completed", events[^1]);
        var sequences = history.Select(e => e.GetProperty("sequence").GetInt32()).ToList();
        var times = history.Select(e => e.GetProperty("timestamp").GetDateTimeOffset()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(times.Order(), times);
        await AssertInTaskHubAsync(id);
    }

    /// <summary>The workflow ran on Durable Task: the task hub on Azurite holds the checkout's instance, completed, and
    /// its history; its control and work-item queues exist.</summary>
    private async Task AssertInTaskHubAsync(string id)
    {
        var hub = "checkout" + app.Prefix;
        var instance = await Eventually.UntilAsync(
            async () => (await app.Tables.GetTableClient(hub + "Instances").GetEntityIfExistsAsync<TableEntity>(id, string.Empty)).Value,
            row => row?.GetString("RuntimeStatus") == "Completed",
            TimeSpan.FromSeconds(30),
            $"the task hub records {id} completed");
        Assert.Equal(CheckoutOrchestration.Name, instance!.GetString("Name"));
        var events = 0;
        await foreach (var _ in app.Tables.GetTableClient(hub + "History").QueryAsync<TableEntity>(r => r.PartitionKey == id))
        {
            events++;
        }

        Assert.True(events > 10, $"the orchestration's history is in the task hub ({events} rows)");
        var queues = new QueueServiceClient(app.ConnectionString);
        var names = new List<string>();
        await foreach (var queue in queues.GetQueuesAsync(prefix: hub.ToLowerInvariant()))
        {
            names.Add(queue.Name);
        }

        Assert.Contains(hub.ToLowerInvariant() + "-workitems", names);
        Assert.Contains(names, n => n.StartsWith(hub.ToLowerInvariant() + "-control-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Confirm_BeforeTheEngineCommittedTheStart_Answers503RetryAfter_ThenTheSameKeyGoesThrough()
    {
        var id = await CheckoutPolling.StartAsync(app, SampleRequests.Checkout);
        var (_, waiting) = await CheckoutPolling.UntilStatusAsync(app, id, "awaiting_confirmation");
        var confirm = $$"""{"quoteId":"{{waiting.GetProperty("quote").GetProperty("id").GetString()}}"}""";
        var instances = app.Tables.GetTableClient("checkout" + app.Prefix + "Instances");
        // Once the orchestration waits for the buyer (its custom status says so): no episode writes the row until the confirm.
        var started = (await Eventually.UntilAsync(
            async () => (await instances.GetEntityAsync<TableEntity>(id, string.Empty)).Value,
            row => row.GetString("CustomStatus")?.Contains("awaiting_confirmation", StringComparison.Ordinal) == true,
            TimeSpan.FromSeconds(30),
            "the orchestration waits for the buyer"))!;

        // The instance row as the engine leaves it when a crash stops the start's episode before its commit (while the
        // assessment, run from that episode, has already recorded awaiting_confirmation): Pending, no custom status.
        var pending = new TableEntity(started) { ["RuntimeStatus"] = "Pending" };
        pending.Remove("CustomStatus");
        await instances.UpdateEntityAsync(pending, started.ETag, TableUpdateMode.Replace);
        using (var early = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/confirm", confirm, idempotencyKey: "confirm-" + id))
        {
            var problem = await ProblemAssert.IsProblemAsync(early, HttpStatusCode.ServiceUnavailable, "checkout-starting");
            Assert.Equal("checkout.starting", problem.GetProperty("code").GetString());
            Assert.Equal(TimeSpan.FromSeconds(1), early.Headers.RetryAfter?.Delta);
        }

        Assert.Equal("awaiting_confirmation", (await CheckoutPolling.GetAsync(app, id)).Body.GetProperty("status").GetString());

        // Once the engine has committed it, the same request, under the same key, is passed on: nothing was recorded.
        await instances.UpsertEntityAsync(started, TableUpdateMode.Replace);
        using var later = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/confirm", confirm, idempotencyKey: "confirm-" + id);
        Assert.Equal(HttpStatusCode.Accepted, later.StatusCode);
        await CheckoutPolling.UntilStatusAsync(app, id, "completed");
    }

    [Fact]
    public async Task Confirm_WrongQuote_Answers409LinkingTheCurrentQuote()
    {
        var id = await CheckoutPolling.StartAsync(app, SampleRequests.Checkout);
        var (_, waiting) = await CheckoutPolling.UntilStatusAsync(app, id, "awaiting_confirmation");

        using var confirm = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/confirm", """{"quoteId":"not-the-quote"}""");

        var problem = await ProblemAssert.IsProblemAsync(confirm, HttpStatusCode.Conflict, "quote-superseded");
        Assert.Equal(waiting.GetProperty("quote").GetProperty("id").GetString(), problem.GetProperty("currentQuote").GetProperty("id").GetString());
        Assert.EndsWith($"/api/checkouts/{id}", problem.GetProperty("statusQueryGetUri").GetString(), StringComparison.Ordinal);
        var (_, after) = await CheckoutPolling.GetAsync(app, id);
        Assert.Equal("awaiting_confirmation", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancel_AwaitingConfirmation_CancelsThenAnswers410()
    {
        var id = await CheckoutPolling.StartAsync(app, SampleRequests.Checkout);
        await CheckoutPolling.UntilStatusAsync(app, id, "awaiting_confirmation");

        using var cancel = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/cancel", """{"reason":"buyer changed their mind"}""");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var (code, canceled) = await CheckoutPolling.UntilStatusAsync(app, id, "canceled");
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("buyer changed their mind", canceled.GetProperty("cancelReason").GetString());

        using var again = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/cancel", """{"reason":"again"}""");
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Gone, "checkout-terminal");
        using var confirm = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/confirm", """{"quoteId":"x"}""");
        await ProblemAssert.IsProblemAsync(confirm, HttpStatusCode.Conflict, "checkout-not-awaiting-confirmation");
    }

    [Fact]
    public async Task Cancel_WithoutAReason_CancelsAndRecordsThatNoneWasGiven()
    {
        var id = await CheckoutPolling.StartAsync(app, SampleRequests.Checkout);
        await CheckoutPolling.UntilStatusAsync(app, id, "awaiting_confirmation");

        using var cancel = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/cancel", "{}");

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var (_, body) = await CheckoutPolling.UntilStatusAsync(app, id, "canceled", "?showHistory=true");
        Assert.Contains(body.GetProperty("historyEvents").EnumerateArray(), e => e.ToString().Contains("no reason given", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string> RejectedCarts => new()
    {
        { "buyer", """{"country":"KP","postalCode":null}""", "sanctions.|customs." },
        { "items/0/hsCode", "\"010121\"", "customs.prohibited_goods" },
        { "items/0/weightGrams", "900000", "logistics." },
    };

    [Theory]
    [MemberData(nameof(RejectedCarts))]
    public async Task Checkout_CartTheRulesRefuse_Answers422AtStartAndStartsNothing(string path, string json, string codePrefixes)
    {
        var key = "refused-" + Guid.NewGuid().ToString("N")[..8];
        using var response = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.With(path, json), idempotencyKey: key);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "estimate-rejected");
        var rejection = problem.GetProperty("code").GetString()!;
        Assert.True(codePrefixes.Split('|').Any(p => rejection.StartsWith(p, StringComparison.Ordinal)), $"{rejection} is not one of {codePrefixes}");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        var (code, _) = await CheckoutPolling.GetAsync(app, StartCheckoutHandler.CheckoutId(MerchantOptions.DevMerchantId, key));
        Assert.Equal(HttpStatusCode.NotFound, code);
    }

    [Fact]
    public async Task UnknownRouteAndWrongMethod_AnswerProblemJson()
    {
        using var unknown = await app.SendAsync(HttpMethod.Get, "/api/nothing-here");
        using var wrongMethod = await app.SendAsync(HttpMethod.Delete, "/api/checkouts/co_abc");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("application/problem+json", wrongMethod.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_WhileRunning_Answers202WithLocationAndRetryAfter()
    {
        var id = await CheckoutPolling.StartAsync(app, SampleRequests.Checkout);

        using var response = await app.SendAsync(HttpMethod.Get, $"/api/checkouts/{id}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(new Uri(app.Http.BaseAddress!, $"/api/checkouts/{id}"), response.Headers.Location);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(id, body.RootElement.GetProperty("id").GetString());
        Assert.False(body.RootElement.TryGetProperty("historyEvents", out _));
    }

    [Fact]
    public async Task Confirm_SameIdempotencyKeyTwice_ReplaysTheFirstAnswer()
    {
        var id = await CheckoutPolling.StartAsync(app, SampleRequests.Checkout);
        var (_, waiting) = await CheckoutPolling.UntilStatusAsync(app, id, "awaiting_confirmation");
        var confirm = $$"""{"quoteId":"{{waiting.GetProperty("quote").GetProperty("id").GetString()}}"}""";
        var key = Guid.NewGuid().ToString();

        using var first = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/confirm", confirm, idempotencyKey: key);
        using var second = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/confirm", confirm, idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        await CheckoutPolling.UntilStatusAsync(app, id, "completed");
    }

    [Fact]
    public async Task Cancel_WhileCapturing_RefundsThenCancels()
    {
        // The transient sandbox token fails its first two capture attempts, so the capture is still in flight (with
        // back-off) when the cancel arrives right after the confirm has committed.
        var id = await CheckoutPolling.StartAsync(app, SampleRequests.With("payment/token", "\"tok_sandbox_transient\""));
        var (_, waiting) = await CheckoutPolling.UntilStatusAsync(app, id, "awaiting_confirmation");
        using var confirm = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/confirm", $$"""{"quoteId":"{{waiting.GetProperty("quote").GetProperty("id").GetString()}}"}""");
        Assert.Equal(HttpStatusCode.Accepted, confirm.StatusCode);

        using var cancel = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/cancel", """{"reason":"buyer canceled after paying"}""");

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var (code, canceled) = await CheckoutPolling.UntilStatusAsync(app, id, "canceled", "?showHistory=true");
        Assert.Equal(HttpStatusCode.OK, code);
        var events = canceled.GetProperty("historyEvents").EnumerateArray().Select(e => e.GetProperty("eventType").GetString()).ToList();
        Assert.Contains(events, e => e!.Contains("Captured", StringComparison.Ordinal));
        Assert.Contains(events, e => e!.Contains("Refunded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_UnknownId_Answers404()
    {
        using var response = await app.SendAsync(HttpMethod.Get, "/api/checkouts/co_doesnotexist");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }
}
