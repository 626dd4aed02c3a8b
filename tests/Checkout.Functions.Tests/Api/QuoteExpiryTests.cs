using System.Net;
using Checkout.Testing;

namespace Checkout.Functions.Tests.Api;

/// <summary>Confirming after the quote expired: the checkout requotes once, then expires; confirm answers 409 with the
/// current quote, and once expired the checkout is done. A declined checkout nobody pays again fails when its quote
/// expires.</summary>
public sealed class QuoteExpiryTests(ShortQuoteApiApp app) : IClassFixture<ShortQuoteApiApp>
{
    [Fact]
    public async Task Confirm_AfterExpiry_Answers409WithTheRequoteThenCheckoutExpires()
    {
        var id = await CheckoutPolling.StartAsync(app, SampleRequests.Checkout);
        var (_, first) = await CheckoutPolling.UntilStatusAsync(app, id, "awaiting_confirmation");
        var firstQuote = first.GetProperty("quote").GetProperty("id").GetString()!;

        var secondQuote = await UntilRequotedAsync(app, id, firstQuote);

        using var late = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/confirm", $$"""{"quoteId":"{{firstQuote}}"}""");
        var problem = await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Conflict, "quote-superseded");
        Assert.Equal(secondQuote, problem.GetProperty("currentQuote").GetProperty("id").GetString());

        var (code, expired) = await CheckoutPolling.UntilStatusAsync(app, id, "expired");
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("quote.expired", expired.GetProperty("rejection").GetProperty("code").GetString());
        using var tooLate = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/confirm", $$"""{"quoteId":"{{secondQuote}}"}""");
        await ProblemAssert.IsProblemAsync(tooLate, HttpStatusCode.Conflict, "checkout-not-awaiting-confirmation");
    }

    [Fact]
    public async Task Decline_UnpaidUntilTheQuoteExpires_FailsWithTheDeclineThenAnswers410()
    {
        var id = await CheckoutPolling.StartAsync(app, SampleRequests.With("payment/token", "\"tok_sandbox_declined\""));
        var (_, waiting) = await CheckoutPolling.UntilStatusAsync(app, id, "awaiting_confirmation");
        using var confirm = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/confirm", $$"""{"quoteId":"{{waiting.GetProperty("quote").GetProperty("id").GetString()}}"}""");
        Assert.Equal(HttpStatusCode.Accepted, confirm.StatusCode);

        // Polls through requires_payment_method (not an end) to the end the quote's expiry brings.
        var (code, failed) = await CheckoutPolling.UntilStatusAsync(app, id, "failed", "?showHistory=true");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("payment.card_declined", failed.GetProperty("rejection").GetProperty("code").GetString());
        Assert.Equal("declined", Assert.Single(failed.GetProperty("paymentAttempts").EnumerateArray()).GetProperty("status").GetString());
        var statuses = failed.GetProperty("historyEvents").EnumerateArray().Select(e => e.GetProperty("status").GetString()).ToList();
        Assert.Equal(["requires_payment_method", "failed"], statuses.TakeLast(2));
        using var tooLate = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/payment", """{"payment":{"token":"tok_sandbox_success"}}""");
        await ProblemAssert.IsProblemAsync(tooLate, HttpStatusCode.Gone, "checkout-terminal");
    }

    /// <summary>Waits for the quote after <paramref name="firstQuote"/> to await confirmation; returns its id.</summary>
    internal static async Task<string> UntilRequotedAsync(ApiApp app, string id, string firstQuote)
    {
        var (_, requoted) = await Eventually.UntilAsync(
            () => CheckoutPolling.GetAsync(app, id),
            r => r.Body.GetProperty("status").GetString() is "awaiting_confirmation" && r.Body.GetProperty("quote").GetProperty("id").GetString() != firstQuote,
            TimeSpan.FromSeconds(60),
            "the checkout requotes after the first quote expires");
        return requoted.GetProperty("quote").GetProperty("id").GetString()!;
    }
}
