using System.Net;
using System.Text.Json;

namespace Checkout.Functions.Tests.Api;

/// <summary>The sandbox payment service's test tokens through the app on Durable Task: a decline fails the checkout
/// with its reason, a transient outage is retried into one capture, and a service that never answers leaves the
/// checkout <c>needs_attention</c> naming the step, with nothing captured.</summary>
public sealed class PaymentOutcomeTests(ShortRetriesApiApp app) : IClassFixture<ShortRetriesApiApp>
{
    [Theory]
    [InlineData("tok_sandbox_declined", "failed", "payment.card_declined")]
    [InlineData("tok_sandbox_transient", "completed", null)]
    [InlineData("tok_sandbox_unavailable", "needs_attention", "workflow.step_poisoned")]
    public async Task Confirmed_WithTestToken_EndsAsTheTokenSays(string token, string status, string? code)
    {
        var id = await CheckoutPolling.StartAsync(app, SampleRequests.With("payment/token", $"\"{token}\""));
        var (_, waiting) = await CheckoutPolling.UntilStatusAsync(app, id, "awaiting_confirmation");
        using var confirm = await app.SendAsync(
            HttpMethod.Post, $"/api/checkouts/{id}/confirm", $$"""{"quoteId":"{{waiting.GetProperty("quote").GetProperty("id").GetString()}}"}""");
        Assert.Equal(HttpStatusCode.Accepted, confirm.StatusCode);

        var (_, ended) = await CheckoutPolling.UntilStatusAsync(app, id, status);

        if (code is null)
        {
            Assert.True(!ended.TryGetProperty("rejection", out var rejection) || rejection.ValueKind == JsonValueKind.Null, ended.ToString());
        }
        else
        {
            Assert.Equal(code, ended.GetProperty("rejection").GetProperty("code").GetString());
        }
    }
}
