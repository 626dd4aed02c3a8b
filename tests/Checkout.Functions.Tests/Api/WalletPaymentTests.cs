using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Checkout.Workflows.Providers;
using static Checkout.Functions.Tests.Api.CheckoutRecords;

namespace Checkout.Functions.Tests.Api;

/// <summary>
/// Alipay and WeChat Pay through the app on Durable Task: a confirmed wallet checkout waits <c>requires_action</c> with
/// its next action; the buyer (played by the sandbox's test helpers) pays, declines or lets it expire; the wallet's
/// signed notification is raised into the orchestration once, however often it comes; a forged one changes nothing.
/// </summary>
public sealed class WalletPaymentTests(WalletApiApp app) : IClassFixture<WalletApiApp>
{
    [Fact]
    public async Task Alipay_Redirect_PaidThroughTheTestHelper_CompletesWithOneCaptureAndItsPayout()
    {
        var (id, waiting) = await RequiresActionAsync("alipay");

        var action = waiting.GetProperty("nextAction");
        Assert.Equal("redirect", action.GetProperty("type").GetString());
        Assert.StartsWith("https://", action.GetProperty("redirectUrl").GetString(), StringComparison.Ordinal);
        Assert.True(action.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Equal("alipay", waiting.GetProperty("paymentMethod").GetString());
        Assert.Equal(0, await CapturesAsync(app, id));

        using var pay = await app.SendAsync(HttpMethod.Post, $"/api/test-helpers/checkouts/{id}/wallet/pay");
        Assert.Equal(HttpStatusCode.OK, pay.StatusCode);

        var (_, done) = await CheckoutPolling.UntilStatusAsync(app, id, "completed", "?showHistory=true");
        Assert.StartsWith("alipay_", done.GetProperty("captureId").GetString(), StringComparison.Ordinal);
        var attempt = Assert.Single(done.GetProperty("paymentAttempts").EnumerateArray());
        Assert.Equal(("alipay", "captured"), (attempt.GetProperty("method").GetString(), attempt.GetProperty("status").GetString()));
        Assert.False(done.TryGetProperty("nextAction", out _), done.ToString());
        Assert.Contains(done.GetProperty("historyEvents").EnumerateArray(), e => e.GetProperty("status").GetString() == "requires_action");
        Assert.Equal(1, await CapturesAsync(app, id));
        await Checkout.Testing.Eventually.UntilAsync(() => PayoutsAsync(app, id), n => n == 1, TimeSpan.FromSeconds(30), "the payout is handed off");

        using var late = await app.SendAsync(HttpMethod.Post, $"/api/test-helpers/checkouts/{id}/wallet/pay");
        await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Conflict, "checkout-not-requires-action");
    }

    [Fact]
    public async Task WeChatPay_QrCode_UnpaidAtItsExpiry_EndsExpiredWithNothingCaptured()
    {
        var (id, waiting) = await RequiresActionAsync("wechat_pay");
        var action = waiting.GetProperty("nextAction");
        Assert.Equal("qr_code", action.GetProperty("type").GetString());
        Assert.StartsWith("weixin://", action.GetProperty("qrCodePayload").GetString(), StringComparison.Ordinal);

        var (_, expired) = await CheckoutPolling.UntilStatusAsync(app, id, "expired");

        Assert.Equal("payment.wallet_expired", expired.GetProperty("rejection").GetProperty("code").GetString());
        Assert.Equal("expired", Assert.Single(expired.GetProperty("paymentAttempts").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(0, await CapturesAsync(app, id));
        using var late = await app.SendAsync(HttpMethod.Post, $"/api/test-helpers/checkouts/{id}/wallet/pay");
        await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Conflict, "checkout-not-requires-action");
        Assert.Equal(0, await CapturesAsync(app, id));
    }

    [Fact]
    public async Task Expire_TestHelper_EndsTheCheckoutExpiredAtOnce()
    {
        var (id, _) = await RequiresActionAsync("wechat_pay");

        using var expire = await app.SendAsync(HttpMethod.Post, $"/api/test-helpers/checkouts/{id}/wallet/expire");

        Assert.Equal(HttpStatusCode.OK, expire.StatusCode);
        await CheckoutPolling.UntilStatusAsync(app, id, "expired");
        Assert.Equal(0, await CapturesAsync(app, id));
    }

    [Fact]
    public async Task Declined_ThenACard_RequiresPaymentMethodThenCompletes()
    {
        var (id, _) = await RequiresActionAsync("alipay");

        using var decline = await app.SendAsync(HttpMethod.Post, $"/api/test-helpers/checkouts/{id}/wallet/decline");
        Assert.Equal(HttpStatusCode.OK, decline.StatusCode);
        var (_, requires) = await CheckoutPolling.UntilStatusAsync(app, id, "requires_payment_method");
        Assert.Equal("payment.wallet_declined", requires.GetProperty("lastPaymentError").GetProperty("code").GetString());

        using var retry = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/payment", """{"payment":{"method":"card","token":"tok_sandbox_success"}}""");
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);

        var (_, done) = await CheckoutPolling.UntilStatusAsync(app, id, "completed");
        Assert.Equal([("alipay", "declined"), ("card", "captured")], done.GetProperty("paymentAttempts").EnumerateArray().Select(a => (a.GetProperty("method").GetString(), a.GetProperty("status").GetString())));
        Assert.Equal(1, await CapturesAsync(app, id));
    }

    [Fact]
    public async Task Notification_ForgedIs401AndChangesNothing_SignedIsRaisedOnce_ReplayChangesNothing()
    {
        var (id, waiting) = await RequiresActionAsync("alipay");
        var paymentId = await WalletPaymentIdAsync(id);
        var body = JsonSerializer.Serialize(new
        {
            id = "wn_test_" + id,
            type = "wallet.payment.paid",
            data = new { walletPaymentId = paymentId, merchantId = "dev", checkoutId = id, method = "alipay", status = "paid", transactionId = "alipay_test_" + id, at = DateTimeOffset.UtcNow },
        });

        using (var forged = await NotifyAsync("alipay", body, ProviderWebhookSignature.Sign("not-the-wallet-secret", DateTimeOffset.UtcNow, body)))
        {
            await ProblemAssert.IsProblemAsync(forged, HttpStatusCode.Unauthorized, "wallet-signature-invalid");
        }

        using (var unsigned = await NotifyAsync("alipay", body, null))
        {
            await ProblemAssert.IsProblemAsync(unsigned, HttpStatusCode.Unauthorized, "wallet-signature-invalid");
        }

        Assert.Equal("requires_action", (await CheckoutPolling.GetAsync(app, id)).Body.GetProperty("status").GetString());

        var signature = ProviderWebhookSignature.Sign(WalletApiApp.WalletSecret, DateTimeOffset.UtcNow, body);
        using (var signed = await NotifyAsync("alipay", body, signature))
        {
            Assert.Equal("accepted", (await JsonAsync(signed)).GetProperty("outcome").GetString());
        }

        var (_, done) = await CheckoutPolling.UntilStatusAsync(app, id, "completed");
        Assert.Equal("alipay_test_" + id, done.GetProperty("captureId").GetString());
        using (var replay = await NotifyAsync("alipay", body, signature))
        {
            Assert.Equal("duplicate", (await JsonAsync(replay)).GetProperty("outcome").GetString());
        }

        var after = (await CheckoutPolling.GetAsync(app, id, "?showHistory=true")).Body;
        Assert.Single(after.GetProperty("historyEvents").EnumerateArray(), e => e.GetProperty("eventType").GetString() == "PaymentCaptured");
        Assert.Equal(waiting.GetProperty("id").GetString(), after.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Cancel_WhileRequiringAction_ClosesThePaymentAndCancelsWithNothingCaptured()
    {
        var (id, _) = await RequiresActionAsync("wechat_pay");

        using var cancel = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/cancel", """{"reason":"buyer left"}""");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);

        await CheckoutPolling.UntilStatusAsync(app, id, "canceled");
        Assert.Equal(0, await CapturesAsync(app, id));
        using var late = await app.SendAsync(HttpMethod.Post, $"/api/test-helpers/checkouts/{id}/wallet/pay");
        await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Conflict, "checkout-not-requires-action");
    }

    [Theory]
    [InlineData("payment", """{"method":"alipay"}""", "PKR", "#/payment/method")] // wallets pay in CNY
    [InlineData("payment", """{"method":"alipay","token":"tok_sandbox_success"}""", "CNY", "#/payment/token")]
    [InlineData("payment", """{"method":"paypal"}""", "CNY", "#/payment/method")]
    [InlineData("payment", """{"method":"card"}""", "CNY", "#/payment/token")]
    public async Task Start_BadWalletPayment_Answers422NamingTheField(string path, string json, string currency, string field)
    {
        var body = SampleRequests.With(path, json).Replace("\"presentmentCurrency\":\"PKR\"", $"\"presentmentCurrency\":\"{currency}\"", StringComparison.Ordinal);

        using var response = await app.SendAsync(HttpMethod.Post, "/api/checkouts", body);

        Assert.Equal([field], ProblemAssert.Pointers(await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "validation")));
    }

    private async Task<(string Id, JsonElement Waiting)> RequiresActionAsync(string method)
    {
        var body = SampleRequests.With("payment", $$"""{"method":"{{method}}"}""")
            .Replace("\"presentmentCurrency\":\"PKR\"", "\"presentmentCurrency\":\"CNY\"", StringComparison.Ordinal)
            .Replace("\"merchantReference\":\"order-1001\"", $"\"merchantReference\":\"wallet-{Guid.NewGuid():N}\"", StringComparison.Ordinal);
        var id = await CheckoutPolling.StartAsync(app, body);
        var (_, awaiting) = await CheckoutPolling.UntilStatusAsync(app, id, "awaiting_confirmation");
        var quoteId = awaiting.GetProperty("quote").GetProperty("id").GetString();
        using var confirm = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/confirm", $$"""{"quoteId":"{{quoteId}}"}""");
        Assert.Equal(HttpStatusCode.Accepted, confirm.StatusCode);
        var (_, waiting) = await CheckoutPolling.UntilStatusAsync(app, id, "requires_action");
        return (id, waiting);
    }

    private async Task<HttpResponseMessage> NotifyAsync(string wallet, string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/provider-webhooks/wallets/{wallet}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add("Wallet-Signature", signature);
        }

        return await app.Http.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private async Task<string> WalletPaymentIdAsync(string checkoutId)
    {
        await foreach (var row in app.Tables.GetTableClient("t" + app.Prefix + "sandboxpayments").QueryAsync<TableEntity>(r => r.RowKey == "wallet"))
        {
            if (row.GetString("CheckoutId") == checkoutId)
            {
                return row.PartitionKey;
            }
        }

        throw new InvalidOperationException($"No sandbox wallet payment for {checkoutId}.");
    }
}
