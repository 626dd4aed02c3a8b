using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Checkout.Domain.Buyers;
using Checkout.Domain.Monetary;
using Checkout.Testing;
using Checkout.Workflows;
using Checkout.Workflows.Buyers;
using Microsoft.Extensions.Options;

namespace Checkout.Functions.Tests.Api;

/// <summary>The corridors the product was started for, end to end on Azurite: Lahore, Macau and Hong Kong merchants'
/// buyers in Shanghai and Zhuhai, paying with Alipay, WeChat Pay or a card in yuan, through the wallet's approval to the
/// payout, every landed cost line naming its rule and source.</summary>
public sealed class IntoChinaTests(WalletApiApp app) : IClassFixture<WalletApiApp>
{
    private const string IdNumber = "11010519491231002X";

    [Theory]
    [InlineData("PK", "54000", "200000", "PKR", 250000L, "alipay")] // Lahore to Shanghai
    [InlineData("MO", null, "519000", "MOP", 18000L, "wechat_pay")] // Macau to Zhuhai
    [InlineData("HK", null, "518000", "HKD", 16000L, "card")] // Hong Kong to Shenzhen
    public async Task IntoChina_StartConfirmPay_CompletesWithALandedCostOfNamedRules(
        string origin, string? originPostalCode, string buyerPostalCode, string priceCurrency, long unitPrice, string method)
    {
        var id = await CheckoutPolling.StartAsync(app, Cart(origin, originPostalCode, buyerPostalCode, priceCurrency, unitPrice, method));
        var (_, awaiting) = await CheckoutPolling.UntilStatusAsync(app, id, "awaiting_confirmation");

        var cost = awaiting.GetProperty("landedCost");
        Assert.Equal("CNY", cost.GetProperty("currency").GetString());
        Assert.All(cost.GetProperty("lines").EnumerateArray(), line =>
        {
            var rule = line.GetProperty("rule");
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("id").GetString()), line.ToString());
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("source").GetString()), line.ToString());
        });
        Assert.Contains(cost.GetProperty("lines").EnumerateArray(), l => l.GetProperty("kind").GetString() == "tax");
        Assert.Contains(cost.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("cn.cbec.annual-26000: the annual limit", StringComparison.Ordinal));

        var quoteId = awaiting.GetProperty("quote").GetProperty("id").GetString();
        using var confirm = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/confirm", $$"""{"quoteId":"{{quoteId}}"}""");
        Assert.Equal(HttpStatusCode.Accepted, confirm.StatusCode);
        if (method != "card")
        {
            await CheckoutPolling.UntilStatusAsync(app, id, "requires_action");
            using var pay = await app.SendAsync(HttpMethod.Post, $"/api/test-helpers/checkouts/{id}/wallet/pay");
            Assert.Equal(HttpStatusCode.OK, pay.StatusCode);
        }

        var (_, done) = await CheckoutPolling.UntilStatusAsync(app, id, "completed");
        Assert.Equal(method, done.GetProperty("paymentMethod").GetString());
        Assert.NotNull(done.GetProperty("payoutId").GetString());

        // The identity customs needed is shown masked only, and gone once the checkout ended: only the buyer key the
        // order counts under in the annual total stays, for a refund in full to release it.
        Assert.Equal(("王**", "110105********002X"), (done.GetProperty("buyerIdentity").GetProperty("name").GetString(), done.GetProperty("buyerIdentity").GetProperty("idNumber").GetString()));
        Assert.DoesNotContain(IdNumber, done.ToString(), StringComparison.Ordinal);
        Assert.Equal(["BuyerKey", "Year"], await IdentityColumnsAsync(id));
    }

    [Fact]
    public async Task IntoChina_TheOrderThatCrossesTheAnnualLimit_IsRefusedUntilAnEarlierOneIsCanceled()
    {
        // A buyer with CNY 22,000.00 of earlier orders on this platform this year; each new order is about CNY 2,300
        // (goods CNY 2,200.00 and shipping), so one fits under CNY 26,000 and a second, counted with it, does not.
        var idNumber = NewIdNumber();
        var totals = new CbecAnnualTotals(app.Tables, new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix });
        var buyerKey = new BuyerKeys(Options.Create(new BuyerKeyOptions { IdentityHashKey = BuyerKeyOptions.DevelopmentKey })).For(new BuyerIdentity("王小明", idNumber));
        var year = CbecAnnualTotals.YearOf(DateTimeOffset.UtcNow);
        var cny = new CurrencyCode("CNY");
        await totals.CountAsync(await totals.ReadAsync(buyerKey, year, "earlier-orders", cny, default), new Money(22000.00m, cny), default);

        var first = await CheckoutPolling.StartAsync(app, Cart("HK", null, "518000", "CNY", 110000L, "card", idNumber));
        var (_, priced) = await CheckoutPolling.UntilStatusAsync(app, first, "awaiting_confirmation");
        Assert.Contains(
            priced.GetProperty("landedCost").GetProperty("notes").EnumerateArray(),
            n => n.GetString()!.Contains("the buyer's year-to-date orders on this platform, 22000.00 CNY", StringComparison.Ordinal));

        var second = await CheckoutPolling.StartAsync(app, Cart("HK", null, "518000", "CNY", 110000L, "card", idNumber));
        var (_, refused) = await CheckoutPolling.UntilStatusAsync(app, second, "rejected");
        var rejection = refused.GetProperty("rejection");
        Assert.Equal("customs.annual_limit_exceeded", rejection.GetProperty("code").GetString());
        Assert.Contains("general trade", rejection.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Canceled, the first order stops counting, and the same order fits again.
        using var cancel = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{first}/cancel", "{}");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        await CheckoutPolling.UntilStatusAsync(app, first, "canceled");
        await Eventually.UntilAsync(
            () => totals.ReadAsync(buyerKey, year, "none", cny, default),
            t => t.OthersThisYear == new Money(22000.00m, cny),
            TimeSpan.FromSeconds(30),
            "the canceled order is released from the annual total");
        var third = await CheckoutPolling.StartAsync(app, Cart("HK", null, "518000", "CNY", 110000L, "card", idNumber));
        await CheckoutPolling.UntilStatusAsync(app, third, "awaiting_confirmation");
        Assert.Empty(await IdentityColumnsAsync(first));
    }

    [Fact]
    public async Task IntoChina_IdentityMissingOrWrong_Answers422NamingItWithoutRepeatingIt_EstimateNeedsNone()
    {
        var body = JsonNode.Parse(Cart("HK", null, "518000", "HKD", 16000L, "card"))!.AsObject();
        body["buyer"]!.AsObject().Remove("identity");
        using var missing = await app.SendAsync(HttpMethod.Post, "/api/checkouts", body.ToJsonString());
        Assert.Equal(["#/buyer/identity"], ProblemAssert.Pointers(await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.UnprocessableEntity, "validation")));

        body["buyer"]!["identity"] = new JsonObject { ["name"] = "王小明", ["idNumber"] = "110105194912310021" };
        using var wrong = await app.SendAsync(HttpMethod.Post, "/api/checkouts", body.ToJsonString());
        var text = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("#/buyer/identity/idNumber", text, StringComparison.Ordinal);
        Assert.DoesNotContain("110105194912310021", text, StringComparison.Ordinal);

        body["buyer"]!.AsObject().Remove("identity");
        body.Remove("payment");
        using var estimate = await app.SendAsync(HttpMethod.Post, "/api/estimates", body.ToJsonString());
        Assert.True(estimate.StatusCode == HttpStatusCode.OK, await estimate.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task IntoChina_RefundedInFull_StopsCountingTowardTheAnnualLimit_APartialRefundDoesNot()
    {
        var idNumber = NewIdNumber();
        var totals = new CbecAnnualTotals(app.Tables, new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix });
        var buyerKey = new BuyerKeys(Options.Create(new BuyerKeyOptions { IdentityHashKey = BuyerKeyOptions.DevelopmentKey })).For(new BuyerIdentity("王小明", idNumber));
        var year = CbecAnnualTotals.YearOf(DateTimeOffset.UtcNow);
        var cny = new CurrencyCode("CNY");
        var (id, charged, currency) = await Refunds.RefundApiClient.CompleteAsync(app, Cart("HK", null, "518000", "CNY", 110000L, "card", idNumber));
        var counted = (await totals.ReadAsync(buyerKey, year, "none", cny, default)).OthersThisYear;
        Assert.True(counted > new Money(2200m, cny), counted.ToString());

        var part = await Refunds.RefundApiClient.CreatedAsync(app, id, Refunds.RefundApiClient.Amount(charged / 2, currency));
        await Refunds.RefundApiClient.UntilRefundAsync(app, id, Refunds.RefundApiClient.Id(part), "succeeded");
        Assert.Equal(counted, (await totals.ReadAsync(buyerKey, year, "none", cny, default)).OthersThisYear);

        var rest = await Refunds.RefundApiClient.CreatedAsync(app, id, "{}");
        await Refunds.RefundApiClient.UntilRefundAsync(app, id, Refunds.RefundApiClient.Id(rest), "succeeded");
        // The refund shows succeeded as its row is settled, a moment before its step releases the order.
        await Eventually.UntilAsync(
            () => totals.ReadAsync(buyerKey, year, "none", cny, default), t => t.OthersThisYear.IsZero, TimeSpan.FromSeconds(30), "the refunded order is released");
        Assert.Empty(await IdentityColumnsAsync(id));
    }

    /// <summary>The columns the checkout's identity row holds (none once it is deleted).</summary>
    private async Task<List<string>> IdentityColumnsAsync(string checkoutId)
    {
        var columns = new List<string>();
        await foreach (var row in app.Tables.GetTableClient("t" + app.Prefix + "buyeridentities").QueryAsync<Azure.Data.Tables.TableEntity>(r => r.PartitionKey == checkoutId))
        {
            columns.AddRange(row.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).Order(StringComparer.Ordinal));
        }

        return columns;
    }

    /// <summary>A valid resident identity card number of its own (Beijing, born 1990), so the test's buyer is alone.</summary>
    private static string NewIdNumber()
    {
        var first17 = "11010119900101" + Random.Shared.Next(0, 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        return first17 + ResidentIdentityNumber.CheckCharacterOf(first17);
    }

    private static string Cart(string origin, string? originPostalCode, string buyerPostalCode, string priceCurrency, long unitPrice, string method, string idNumber = IdNumber)
    {
        var cart = SampleRequests.Parse();
        cart["merchantReference"] = $"cn-{origin.ToLowerInvariant()}-{Guid.NewGuid():N}";
        cart["presentmentCurrency"] = "CNY";
        cart["buyer"] = new JsonObject { ["country"] = "CN", ["postalCode"] = buyerPostalCode, ["identity"] = new JsonObject { ["name"] = "王小明", ["idNumber"] = idNumber } };
        cart["shipFrom"] = originPostalCode is null ? new JsonObject { ["country"] = origin } : new JsonObject { ["country"] = origin, ["postalCode"] = originPostalCode };
        var item = cart["items"]![0]!;
        item["originCountry"] = origin;
        item["unitPrice"] = new JsonObject { ["value"] = unitPrice, ["currency"] = priceCurrency };
        cart["payment"] = method == "card" ? new JsonObject { ["token"] = "tok_sandbox_success" } : new JsonObject { ["method"] = method };
        return cart.ToJsonString();
    }
}
