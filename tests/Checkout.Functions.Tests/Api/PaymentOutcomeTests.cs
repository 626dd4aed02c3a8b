using System.Net;
using System.Text.Json;
using static Checkout.Functions.Tests.Api.CheckoutRecords;

namespace Checkout.Functions.Tests.Api;

/// <summary>The sandbox payment service's test tokens through the app on Durable Task: a decline leaves the checkout
/// <c>requires_payment_method</c> with its reason and a retry with a good token completes it with one capture, a
/// transient outage is retried into one capture, and a service that never answers leaves the checkout
/// <c>needs_attention</c> naming the step, with nothing captured.</summary>
public sealed class PaymentOutcomeTests(ShortRetriesApiApp app) : IClassFixture<ShortRetriesApiApp>
{
    [Theory]
    [InlineData("tok_sandbox_declined", "requires_payment_method", "payment.card_declined")]
    [InlineData("tok_sandbox_transient", "completed", null)]
    [InlineData("tok_sandbox_unavailable", "needs_attention", "workflow.step_poisoned")]
    public async Task Confirmed_WithTestToken_EndsOrWaitsAsTheTokenSays(string token, string status, string? code)
    {
        var id = await ConfirmedAsync(token);

        var (_, ended) = await CheckoutPolling.UntilStatusAsync(app, id, status);

        if (code is null)
        {
            Assert.True(!ended.TryGetProperty("rejection", out var rejection) || rejection.ValueKind == JsonValueKind.Null, ended.ToString());
        }
        else if (status == "requires_payment_method")
        {
            // Before retries a decline failed the checkout at once; now it fails only when the quote expires unpaid
            // (QuoteExpiryTests), and until then says why it waits.
            Assert.False(ended.TryGetProperty("rejection", out _), ended.ToString());
            Assert.Equal(code, ended.GetProperty("lastPaymentError").GetProperty("code").GetString());
        }
        else
        {
            Assert.Equal(code, ended.GetProperty("rejection").GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Retry_GoodTokenAfterADecline_CompletesWithOneCaptureOnePayoutAndBothAttemptsListed()
    {
        var id = await ConfirmedAsync("tok_sandbox_declined");
        var (waitingCode, waiting) = await CheckoutPolling.UntilStatusAsync(app, id, "requires_payment_method");
        Assert.Equal(HttpStatusCode.Accepted, waitingCode);
        Assert.Equal("payment.card_declined", waiting.GetProperty("lastPaymentError").GetProperty("code").GetString());
        var paymentUri = waiting.GetProperty("paymentPostUri").GetString()!;
        Assert.Equal(new Uri(app.Http.BaseAddress!, $"/api/checkouts/{id}/payment"), new Uri(paymentUri));

        var key = Guid.NewGuid().ToString();
        const string Retry = """{"payment":{"token":"tok_sandbox_success"}}""";
        using var retry = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/payment", Retry, idempotencyKey: key);
        using var replayed = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/payment", Retry, idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(new Uri(app.Http.BaseAddress!, $"/api/checkouts/{id}"), retry.Headers.Location);
        Assert.Equal(HttpStatusCode.Accepted, replayed.StatusCode);
        Assert.Equal(["true"], replayed.Headers.GetValues("Idempotent-Replayed"));
        var (_, done) = await CheckoutPolling.UntilStatusAsync(app, id, "completed", "?showHistory=true");
        var attempts = done.GetProperty("paymentAttempts").EnumerateArray().ToList();
        Assert.Equal([(1, "declined"), (2, "captured")], attempts.Select(a => (a.GetProperty("number").GetInt32(), a.GetProperty("status").GetString())));
        Assert.Equal("payment.card_declined", attempts[0].GetProperty("decline").GetProperty("code").GetString());
        Assert.Equal("cess", attempts[1].GetProperty("tokenSuffix").GetString());
        Assert.DoesNotContain("tok_sandbox_success", done.ToString(), StringComparison.Ordinal); // (the sandbox's decline message names its own trigger)
        Assert.False(done.TryGetProperty("lastPaymentError", out _), done.ToString());
        Assert.Single(done.GetProperty("historyEvents").EnumerateArray(), e => e.GetProperty("eventType").GetString() == "PaymentRetryRequested");
        Assert.Equal(1, await CapturesAsync(app, id));
        Assert.Equal(1, await PayoutsAsync(app, id));
    }

    [Fact]
    public async Task Retry_NotRequiringAPaymentMethod_Answers409NamingWhyThen410OnceEnded()
    {
        var id = await CheckoutPolling.StartAsync(app, SampleRequests.Checkout);
        var (_, waiting) = await CheckoutPolling.UntilStatusAsync(app, id, "awaiting_confirmation");
        const string Retry = """{"payment":{"token":"tok_sandbox_success"}}""";

        using var early = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/payment", Retry);

        var problem = await ProblemAssert.IsProblemAsync(early, HttpStatusCode.Conflict, "checkout-not-requires-payment-method");
        Assert.Equal("checkout.not_requires_payment_method", problem.GetProperty("code").GetString());
        Assert.Equal("awaiting_confirmation", problem.GetProperty("checkoutStatus").GetString());
        using var confirm = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/confirm", $$"""{"quoteId":"{{waiting.GetProperty("quote").GetProperty("id").GetString()}}"}""");
        Assert.Equal(HttpStatusCode.Accepted, confirm.StatusCode);
        await CheckoutPolling.UntilStatusAsync(app, id, "completed");
        using var late = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/payment", Retry);
        await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Gone, "checkout-terminal");
        Assert.Equal(1, await CapturesAsync(app, id));
    }

    [Theory]
    [InlineData("{}", HttpStatusCode.UnprocessableEntity, "validation", "#/payment")]
    [InlineData("""{"payment":{"token":" "}}""", HttpStatusCode.UnprocessableEntity, "validation", "#/payment/token")]
    [InlineData("""{"payment":"tok_sandbox_success"}""", HttpStatusCode.UnprocessableEntity, "validation", "#/payment")]
    [InlineData("""{"payment":{"token":"tok_sandbox_success","cvc":"123"}}""", HttpStatusCode.BadRequest, "unknown-field", "#/payment/cvc")]
    public async Task Retry_BadBody_RefusedNamingTheFieldBeforeAnythingIsReadOrWritten(string body, HttpStatusCode status, string slug, string field)
    {
        var rowsBefore = await app.WrittenRowsAsync();

        // An unknown checkout: the body is judged before the checkout is looked up.
        using var response = await app.SendAsync(HttpMethod.Post, "/api/checkouts/co_doesnotexist/payment", body, idempotencyKey: Guid.NewGuid().ToString());

        var problem = await ProblemAssert.IsProblemAsync(response, status, slug);
        Assert.Equal([field], ProblemAssert.Pointers(problem));
        Assert.Equal(rowsBefore, await app.WrittenRowsAsync());
    }

    private async Task<string> ConfirmedAsync(string token)
    {
        var id = await CheckoutPolling.StartAsync(app, SampleRequests.With("payment/token", $"\"{token}\""));
        var (_, waiting) = await CheckoutPolling.UntilStatusAsync(app, id, "awaiting_confirmation");
        using var confirm = await app.SendAsync(
            HttpMethod.Post, $"/api/checkouts/{id}/confirm", $$"""{"quoteId":"{{waiting.GetProperty("quote").GetProperty("id").GetString()}}"}""");
        Assert.Equal(HttpStatusCode.Accepted, confirm.StatusCode);
        return id;
    }
}
