using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

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
        Assert.Contains(cost.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("cn.cbec.annual-26000", StringComparison.Ordinal)); // not yet checked: says so

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

        // The identity customs needed is shown masked only, and gone once the checkout ended.
        Assert.Equal(("王**", "110105********002X"), (done.GetProperty("buyerIdentity").GetProperty("name").GetString(), done.GetProperty("buyerIdentity").GetProperty("idNumber").GetString()));
        Assert.DoesNotContain(IdNumber, done.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await IdentityRowsAsync(id));
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

    private async Task<int> IdentityRowsAsync(string checkoutId)
    {
        var count = 0;
        await foreach (var _ in app.Tables.GetTableClient("t" + app.Prefix + "buyeridentities").QueryAsync<Azure.Data.Tables.TableEntity>(r => r.PartitionKey == checkoutId))
        {
            count++;
        }

        return count;
    }

    private static string Cart(string origin, string? originPostalCode, string buyerPostalCode, string priceCurrency, long unitPrice, string method)
    {
        var cart = SampleRequests.Parse();
        cart["merchantReference"] = $"cn-{origin.ToLowerInvariant()}-{Guid.NewGuid():N}";
        cart["presentmentCurrency"] = "CNY";
        cart["buyer"] = new JsonObject { ["country"] = "CN", ["postalCode"] = buyerPostalCode, ["identity"] = new JsonObject { ["name"] = "王小明", ["idNumber"] = IdNumber } };
        cart["shipFrom"] = originPostalCode is null ? new JsonObject { ["country"] = origin } : new JsonObject { ["country"] = origin, ["postalCode"] = originPostalCode };
        var item = cart["items"]![0]!;
        item["originCountry"] = origin;
        item["unitPrice"] = new JsonObject { ["value"] = unitPrice, ["currency"] = priceCurrency };
        cart["payment"] = method == "card" ? new JsonObject { ["token"] = "tok_sandbox_success" } : new JsonObject { ["method"] = method };
        return cart.ToJsonString();
    }
}
