using System.Net;

namespace Checkout.Functions.Tests.Api;

/// <summary>A declined checkout nobody pays again fails when its quote expires. Its own app, with quotes locked for
/// fifteen seconds: the confirm must land inside the quote (the five seconds of <see cref="ShortQuoteApiApp"/> can pass
/// before it on a loaded machine), and the expiry must still come within the test.</summary>
public sealed class DeclineExpiryTests(DeclineExpiryApiApp app) : IClassFixture<DeclineExpiryApiApp>
{
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
}
