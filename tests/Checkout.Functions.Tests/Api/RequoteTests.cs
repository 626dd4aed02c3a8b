using System.Net;

namespace Checkout.Functions.Tests.Api;

/// <summary>Confirming the requote that followed an expired quote completes the checkout.</summary>
public sealed class RequoteTests(RequoteApiApp app) : IClassFixture<RequoteApiApp>
{
    [Fact]
    public async Task Confirm_TheRequote_Completes()
    {
        var id = await CheckoutPolling.StartAsync(app, SampleRequests.Checkout);
        var (_, first) = await CheckoutPolling.UntilStatusAsync(app, id, "awaiting_confirmation");
        var firstQuote = first.GetProperty("quote").GetProperty("id").GetString()!;
        var secondQuote = await QuoteExpiryTests.UntilRequotedAsync(app, id, firstQuote);

        using var confirm = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/confirm", $$"""{"quoteId":"{{secondQuote}}"}""");

        Assert.Equal(HttpStatusCode.Accepted, confirm.StatusCode);
        await CheckoutPolling.UntilStatusAsync(app, id, "completed");
    }
}
