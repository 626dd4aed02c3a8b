using System.Net;
using System.Text.Json;
using Checkout.Domain.Monetary;
using Checkout.Functions.Api;
using Checkout.Functions.Tests.Api;
using Checkout.Functions.Tests.Payouts;
using Checkout.Functions.Tests.Webhooks;
using Checkout.Testing;
using Checkout.Workflows;
using Checkout.Workflows.Merchants;
using Checkout.Workflows.Providers;
using static Checkout.Functions.Tests.Payouts.PayoutApiClient;
using static Checkout.Functions.Tests.Refunds.RefundApiClient;

namespace Checkout.Functions.Tests.Refunds;

/// <summary>How refunds end and what they do to the merchant's money, each on a merchant of its own (settling in USD),
/// with a webhook endpoint that hears the refund events.</summary>
public sealed class RefundOutcomeTests(PayoutApiApp app) : IClassFixture<PayoutApiApp>
{
    [Fact]
    public async Task Refund_GatewayRefusesThroughSandboxTrigger_EndsFailedAnnouncedAndRefundableAgain()
    {
        var key = await NewMerchantAsync("merchant-refunds-failing");
        await using var receiver = await WebhookReceiver.StartAsync(_ => 200);
        await RegisterAsync(receiver.Url, key);
        var body = SampleRequests.With("payment/token", $"\"{SandboxPaymentGateway.RefundFailsToken}\"");
        var (id, charged, _) = await CompleteAsync(app, body, key);

        var first = await CreatedAsync(app, id, """{"reason":"damaged in transit"}""", key: key);
        var failed = await UntilRefundAsync(app, id, Id(first), "failed", key);

        Assert.Equal(SandboxPaymentGateway.RefundDeclinedCode, failed.GetProperty("failureCode").GetString());
        Assert.False(string.IsNullOrEmpty(failed.GetProperty("failureMessage").GetString()));
        var webhook = await EventAsync(receiver, "refund.failed", Id(first));
        Assert.Equal("failed", webhook.GetProperty("refund").GetProperty("status").GetString());
        Assert.Equal("damaged in transit", webhook.GetProperty("refund").GetProperty("reason").GetString());
        Assert.Equal(0, Value(await GetCheckoutAsync(app, id, key), "amountRefunded"));
        var again = await CreatedAsync(app, id, "{}", key: key);
        Assert.Equal(charged, Value(again, "amount"));
        await UntilRefundAsync(app, id, Id(again), "failed", key);
        await AssertReconciledAsync(app);
    }

    /// <summary>The payment service is down for the refund's first two attempts: the step is retried and the refund
    /// goes through once, under its one idempotency key.</summary>
    [Fact]
    public async Task Refund_GatewayUnavailableTwice_IsRetriedAndSucceeds()
    {
        var key = await NewMerchantAsync("merchant-refunds-transient");
        var body = SampleRequests.With("payment/token", $"\"{SandboxPaymentGateway.RefundTransientToken}\"");
        var (id, _, _) = await CompleteAsync(app, body, key);

        var refund = await CreatedAsync(app, id, "{}", key: key);
        await UntilRefundAsync(app, id, Id(refund), "succeeded", key);

        var table = app.Tables.GetTableClient(new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix }.PaymentsSandboxTable);
        var record = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(Id(refund), "refund")).Value;
        Assert.Equal(2, record.GetInt32("Attempts"));
        Assert.StartsWith("re_", record.GetString("RefundId"), StringComparison.Ordinal);
        await AssertReconciledAsync(app);
    }

    /// <summary>The payout of checkout A is paid; refunding a quarter of A takes the balance below zero by the refund's
    /// debit, which checkout B's payout keeps back: B's payout is A's less the deficit, and the balance is back to zero
    /// once it is paid. The refund and its webhook say the deficit was carried.</summary>
    [Fact]
    public async Task Refund_AfterThePayoutWasPaid_CarriesADeficitTheNextPayoutDeducts()
    {
        var key = await NewMerchantAsync("merchant-refunds-deficit");
        await using var receiver = await WebhookReceiver.StartAsync(_ => 200);
        await RegisterAsync(receiver.Url, key);
        using (var put = await app.SendAsync(HttpMethod.Put, "/api/payout-destination",
            $$"""{"accountHolderName":"Deficit Ltd","accountNumber":"{{SandboxPayoutAccounts.PaidAtOnce}}","country":"US","currency":"USD","routingNumber":"110000000"}""", key))
        {
            await JsonAsync(put, HttpStatusCode.OK);
        }

        var (first, charged, currency) = await CompleteAsync(app, SampleRequests.Checkout, key);
        var firstPayout = await UntilPaidAsync(first + "-payout", key);
        var refund = await CreatedAsync(app, first, Amount(charged / 4, currency), key: key);
        var done = await UntilRefundAsync(app, first, Id(refund), "succeeded", key);

        Assert.Equal("carried_to_next_payout", done.GetProperty("balanceEffect").GetString());
        var webhook = await EventAsync(receiver, "payment.refunded", Id(refund));
        Assert.Equal("carried_to_next_payout", webhook.GetProperty("refund").GetProperty("balanceEffect").GetString());
        var deficit = -(await AvailableUsdAsync(key));
        Assert.True(deficit > 0, $"the balance is below zero after the refund ({-deficit})");
        await AssertReconciledAsync(app);

        var (second, _, _) = await CompleteAsync(app, SampleRequests.Checkout, key);
        var secondPayout = await UntilPaidAsync(second + "-payout", key);

        Assert.Equal(Value(firstPayout, "amount") - deficit, Value(secondPayout, "amount"));
        Assert.Equal(0, await AvailableUsdAsync(key));
        await AssertReconciledAsync(app);
    }

    /// <summary>Without a destination the payout fails (<c>no_account</c>) and its funds wait on the balance: the refund
    /// comes off that payout, which the new destination's retry then pays, less the refund.</summary>
    [Fact]
    public async Task Refund_WhileThePayoutFailed_ReversesFromItsFundsAndTheRetrySendsTheRest()
    {
        var key = await NewMerchantAsync("merchant-refunds-reversed");
        var (id, charged, currency) = await CompleteAsync(app, SampleRequests.Checkout, key);
        var before = await UntilPayoutAsync(id + "-payout", key, "failed");

        var refund = await CreatedAsync(app, id, Amount(charged / 4, currency), key: key);
        var done = await UntilRefundAsync(app, id, Id(refund), "succeeded", key);
        var after = await UntilPayoutAsync(id + "-payout", key, "failed");

        Assert.Equal("reversed", done.GetProperty("balanceEffect").GetString());
        Assert.True(Value(after, "amount") < Value(before, "amount"), "the refund came off the failed payout");
        Assert.Equal(Value(after, "amount"), await AvailableUsdAsync(key));
        await AssertReconciledAsync(app);
        using (var put = await app.SendAsync(HttpMethod.Put, "/api/payout-destination",
            $$"""{"accountHolderName":"Reversed Ltd","accountNumber":"{{SandboxPayoutAccounts.PaidAtOnce}}","country":"US","currency":"USD","routingNumber":"110000000"}""", key))
        {
            await JsonAsync(put, HttpStatusCode.OK);
        }

        Assert.Equal(Value(after, "amount"), Value(await UntilPayoutAsync(id + "-payout", key, "paid"), "amount"));
        Assert.Equal(0, await AvailableUsdAsync(key));
        await AssertReconciledAsync(app);
    }

    private Task<JsonElement> UntilPaidAsync(string payoutId, string key) => UntilPayoutAsync(payoutId, key, "paid");

    private async Task<JsonElement> UntilPayoutAsync(string payoutId, string key, string status) =>
        await Eventually.UntilAsync(
            async () =>
            {
                using var response = await app.SendAsync(HttpMethod.Get, $"/api/payouts/{payoutId}", key: key);
                return response.StatusCode == HttpStatusCode.OK ? await JsonAsync(response, HttpStatusCode.OK) : default;
            },
            p => p.ValueKind == JsonValueKind.Object && p.GetProperty("status").GetString() == status,
            TimeSpan.FromSeconds(60),
            $"payout {payoutId} is {status}");

    private async Task<long> AvailableUsdAsync(string key)
    {
        using var response = await app.SendAsync(HttpMethod.Get, "/api/balances", key: key);
        var usd = (await JsonAsync(response, HttpStatusCode.OK)).GetProperty("data").EnumerateArray().Single(b => b.GetProperty("currency").GetString() == "USD");
        return usd.GetProperty("available").GetProperty("value").GetInt64();
    }

    /// <summary>A merchant of its own, settling in USD as the dev merchant does.</summary>
    private async Task<string> NewMerchantAsync(string merchantId)
    {
        var options = new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix };
        await new MerchantProfileStore(app.Tables, options).UpsertAsync(
            new MerchantProfile(merchantId, merchantId, new CurrencyCode("USD"), DateTimeOffset.UtcNow), CancellationToken.None);
        return await new MerchantKeyStore(app.Tables, new ApiTables(options)).CreateKeyAsync(merchantId, CancellationToken.None);
    }

    private async Task RegisterAsync(Uri url, string key)
    {
        var body = JsonSerializer.Serialize(new { url, eventTypes = new[] { "payment.refunded", "refund.failed" } });
        using var response = await app.SendAsync(HttpMethod.Post, "/api/webhook-endpoints", body, key);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The data of the <paramref name="type"/> event about <paramref name="refundId"/>, once it arrives.</summary>
    private static async Task<JsonElement> EventAsync(WebhookReceiver receiver, string type, string refundId)
    {
        static JsonElement? Find(IEnumerable<ReceivedWebhook> received, string type, string refundId) => received
            .Select(r => JsonDocument.Parse(r.Body).RootElement)
            .Where(b => b.GetProperty("type").GetString() == type && b.GetProperty("data").GetProperty("refundId").GetString() == refundId)
            .Select(b => (JsonElement?)b.GetProperty("data").Clone())
            .FirstOrDefault();
        var found = await Eventually.UntilAsync(
            () => Task.FromResult(Find(receiver.Received, type, refundId)), d => d is not null, TimeSpan.FromSeconds(60), $"{type} for {refundId} arrives");
        return found!.Value;
    }
}
