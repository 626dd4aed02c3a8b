using System.Net;
using Checkout.Testing;

namespace Checkout.Functions.Tests.Api;

/// <summary>Confirming after the quote expired: the checkout requotes once, then expires; confirm answers 409 with the
/// current quote, and once expired the checkout is done.</summary>
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
