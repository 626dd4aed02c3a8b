using System.Net;
using Checkout.Functions.Api;
using Checkout.Functions.Tests.Api;
using Checkout.Workflows;
using Checkout.Workflows.Payouts;
using Checkout.Workflows.Providers;
using static Checkout.Functions.Tests.Payouts.PayoutApiClient;

namespace Checkout.Functions.Tests.Payouts;

/// <summary>Payouts, balances and the payout destination through the real app: the dev merchant settles in USD, its
/// payouts run on the app's own payouts queue against the sandbox rail, and the ledger is reconciled after each step.</summary>
public sealed class PayoutApiTests(PayoutApiApp app) : IClassFixture<PayoutApiApp>
{
    [Fact]
    public async Task FailedPayout_DestinationUpdated_RetriedAndPaid_BalancesFollow()
    {
        await SetDestinationAsync(app, SandboxPayoutAccounts.AccountClosed);
        var payoutId = await CompleteCheckoutAsync(app);

        var failed = await UntilPayoutAsync(app, payoutId, p => Status(p) == "failed", "the payout fails");
        Assert.Equal("account_closed", failed.GetProperty("failureCode").GetString());
        var amount = failed.GetProperty("amount");
        Assert.Equal("USD", amount.GetProperty("currency").GetString());
        var (available, inTransit) = await UsdBalanceAsync(app);
        Assert.True(available >= amount.GetProperty("value").GetInt64());
        Assert.Equal(0, inTransit);
        await AssertReconciledAsync(app);

        using (var put = await app.SendAsync(HttpMethod.Put, "/api/payout-destination",
            """{"accountHolderName":"Shenzhen Tees Ltd","accountNumber":"000123456789","country":"US","currency":"USD","routingNumber":"110000000"}""", idempotencyKey: "dest-1"))
        {
            var body = await JsonAsync(put, HttpStatusCode.OK);
            Assert.Equal(("6789", "**** 6789", "us_ach", "USD"), (body.GetProperty("accountNumberLast4").GetString(), body.GetProperty("account").GetString(), body.GetProperty("scheme").GetString(), body.GetProperty("currency").GetString()));
            Assert.Contains(body.GetProperty("retriedPayouts").EnumerateArray(), p => p.GetProperty("id").GetString() == payoutId && p.GetProperty("attempt").GetInt32() == 2);
        }

        var paid = await UntilPayoutAsync(app, payoutId, p => Status(p) == "paid", "the retry is paid");
        Assert.Equal(2, paid.GetProperty("attempt").GetInt32());
        // Other tests' payouts of this merchant may still be moving; once all are paid, nothing is left on the balance.
        await Checkout.Testing.Eventually.UntilAsync(() => UsdBalanceAsync(app), b => b == (0L, 0L), TimeSpan.FromSeconds(60), "every payout is paid");
        await AssertReconciledAsync(app);
        using var retryPaid = await app.SendAsync(HttpMethod.Post, $"/api/payouts/{payoutId}/retry");
        await ProblemAssert.IsProblemAsync(retryPaid, HttpStatusCode.Conflict, "payout-not-retryable");
    }

    [Fact]
    public async Task SetDestination_AccountNumberAtRest_IsEncryptedAndShownOnlyAsItsLastFour()
    {
        const string Number = "000123456789";
        using (var put = await app.SendAsync(HttpMethod.Put, "/api/payout-destination",
            $$"""{"accountHolderName":"Shenzhen Tees Ltd","accountNumber":"{{Number}}","country":"US","currency":"USD","routingNumber":"110000000"}"""))
        {
            Assert.DoesNotContain(Number, (await JsonAsync(put, HttpStatusCode.OK)).GetRawText(), StringComparison.Ordinal);
        }

        using var get = await app.SendAsync(HttpMethod.Get, "/api/payout-destination");
        var view = await JsonAsync(get, HttpStatusCode.OK);
        var table = app.Tables.GetTableClient(new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix }.MerchantProfilesTable);
        var row = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>("payout-destination", "dev")).Value;

        Assert.Equal("6789", view.GetProperty("accountNumberLast4").GetString());
        Assert.DoesNotContain(Number, view.GetRawText(), StringComparison.Ordinal);
        Assert.StartsWith("enc:v1:", row.GetString("AccountNumber"), StringComparison.Ordinal);
        Assert.All(row.Select(p => p.Value), value => Assert.DoesNotContain(Number, value?.ToString() ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetryOnRequest_FailedPayout_StartsTheNextAttempt()
    {
        await SetDestinationAsync(app, SandboxPayoutAccounts.CouldNotProcessLater);
        var payoutId = await CompleteCheckoutAsync(app);
        await UntilPayoutAsync(app, payoutId, p => Status(p) == "failed", "in transit, then could_not_process");

        using var retry = await app.SendAsync(HttpMethod.Post, $"/api/payouts/{payoutId}/retry", idempotencyKey: "retry-1");
        var retried = await JsonAsync(retry, HttpStatusCode.Accepted);
        using var replay = await app.SendAsync(HttpMethod.Post, $"/api/payouts/{payoutId}/retry", idempotencyKey: "retry-1");
        Assert.Equal(new Uri(app.Http.BaseAddress!, $"/api/payouts/{payoutId}"), retry.Headers.Location);
        Assert.Equal(2, retried.GetProperty("attempt").GetInt32());
        Assert.Equal(2, (await JsonAsync(replay, HttpStatusCode.Accepted)).GetProperty("attempt").GetInt32());

        var again = await UntilPayoutAsync(app, payoutId, p => Status(p) == "failed" && p.GetProperty("attempt").GetInt32() == 2, "the second attempt fails too");
        Assert.Equal("could_not_process", again.GetProperty("failureCode").GetString());
        await AssertReconciledAsync(app);
    }

    [Fact]
    public async Task List_PagedAndOwnPayoutsOnly_BadQueryNamesTheParameter()
    {
        await SetDestinationAsync(app, SandboxPayoutAccounts.PaidAtOnce);
        var first = await CompleteCheckoutAsync(app);
        var second = await CompleteCheckoutAsync(app);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            using var page = await app.SendAsync(HttpMethod.Get, "/api/payouts?limit=1" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            var body = await JsonAsync(page, HttpStatusCode.OK);
            seen.AddRange(body.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
            cursor = body.GetProperty("nextCursor").GetString();
            var link = ListCheckoutsTests.NextLink(page);
            Assert.Equal(cursor is null, link is null);
            Assert.True(link is null || link.EndsWith("/api/payouts?limit=1&cursor=" + Uri.EscapeDataString(cursor!), StringComparison.Ordinal), link);
            Assert.True(++pages < 100, "the list never ended");
        }
        while (cursor is not null);
        Assert.Contains(first, seen);
        Assert.Contains(second, seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());

        using var zero = await app.SendAsync(HttpMethod.Get, "/api/payouts?limit=0");
        Assert.Equal(["limit"], ProblemAssert.Pointers(await ProblemAssert.IsProblemAsync(zero, HttpStatusCode.BadRequest, "invalid-query")));
        using var garbage = await app.SendAsync(HttpMethod.Get, "/api/payouts?cursor=not-a-cursor");
        Assert.Equal(["cursor"], ProblemAssert.Pointers(await ProblemAssert.IsProblemAsync(garbage, HttpStatusCode.BadRequest, "invalid-query")));

        var keys = new MerchantKeyStore(app.Tables, new ApiTables(new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix }));
        var otherKey = await keys.CreateKeyAsync("merchant-payouts-b", CancellationToken.None);
        using var other = await app.SendAsync(HttpMethod.Get, $"/api/payouts/{first}", key: otherKey);
        using var otherRetry = await app.SendAsync(HttpMethod.Post, $"/api/payouts/{first}/retry", key: otherKey);
        using var otherList = await app.SendAsync(HttpMethod.Get, "/api/payouts", key: otherKey);
        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(otherRetry, HttpStatusCode.NotFound, "not-found");
        Assert.Empty((await JsonAsync(otherList, HttpStatusCode.OK)).GetProperty("data").EnumerateArray());
    }

    [Theory]
    [InlineData("{}", new[] { "#/accountHolderName", "#/country", "#/currency" })]
    [InlineData("""{"accountHolderName":"A","accountNumber":"12ab","country":"US","currency":"USD","routingNumber":"110000000"}""", new[] { "#/accountNumber" })]
    [InlineData("""{"accountHolderName":" ","accountNumber":"000123456789","country":"XX","currency":"USD"}""", new[] { "#/accountHolderName", "#/country" })]
    [InlineData("""{"accountHolderName":"A","accountNumber":"123456789012345678","country":"US","currency":"USD","routingNumber":"110000000"}""", new[] { "#/accountNumber" })]
    [InlineData("""{"accountHolderName":"A","accountNumber":"000123456789","country":"US","currency":"USD","routingNumber":"110000001"}""", new[] { "#/routingNumber" })]
    [InlineData("""{"accountHolderName":"A","country":"PK","currency":"PKR","iban":"PK60SCBL0000000123456788","bic":"SCBLPKKX"}""", new[] { "#/iban" })]
    [InlineData("""{"accountHolderName":"A","country":"PK","currency":"PKR","iban":"PK60SCBL0000000123456789"}""", new[] { "#/bic" })]
    [InlineData("""{"accountHolderName":"A","country":"PK","currency":"PKR","iban":"PK60SCBL000000012345678","bic":"SCBLPKKX"}""", new[] { "#/iban" })]
    [InlineData("""{"accountHolderName":"A","country":"PK","currency":"USD","iban":"PK60SCBL0000000123456789","bic":"SCBLCNKX"}""", new[] { "#/bic", "#/currency" })]
    [InlineData("""{"accountHolderName":"A","country":"CN","currency":"CNY","cardNumber":"6222020123456788","bankName":"Bank of China"}""", new[] { "#/cardNumber" })]
    [InlineData("""{"accountHolderName":"A","country":"CN","currency":"CNY","iban":"PK60SCBL0000000123456789"}""", new[] { "#/cardNumber", "#/bankName", "#/iban" })]
    [InlineData("""{"accountHolderName":"A","country":"HK","currency":"HKD","bankCode":"04","branchCode":"123","accountNumber":"123456789"}""", new[] { "#/bankCode" })]
    [InlineData("""{"accountHolderName":"A","country":"MO","currency":"MOP","accountNumber":"9000123456789"}""", new[] { "#/bic" })]
    [InlineData("""{"accountHolderName":"A","country":"PK","currency":"PKR","iban":"PK60SCBL0000000123456789","bic":"SCBLPKKX"}""", new[] { "#/currency" })]
    public async Task SetDestination_BadFields_Answers422NamingEachAndChangesNothing(string body, string[] pointers)
    {
        using var before = await app.SendAsync(HttpMethod.Get, "/api/payout-destination");
        var beforeText = await before.Content.ReadAsStringAsync();

        using var response = await app.SendAsync(HttpMethod.Put, "/api/payout-destination", body);

        Assert.Equal(pointers, ProblemAssert.Pointers(await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "validation")));
        using var after = await app.SendAsync(HttpMethod.Get, "/api/payout-destination");
        Assert.Equal(beforeText, await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RailWebhook_UnsignedOrWronglySigned_Answers401_SignedUpdateIsAccepted()
    {
        var now = DateTimeOffset.UtcNow;
        var body = """{"id":"evt_x","type":"payout.updated","data":{"payoutId":"co_unknown-payout","merchantId":"dev","idempotencyKey":"co_unknown-payout-a1","status":"paid"}}""";

        using var unsigned = await PostRailAsync(body, null);
        using var wrong = await PostRailAsync(body, ProviderWebhookSignature.Sign("not-the-secret", now, body));
        using var malformed = await PostRailAsync("{}", ProviderWebhookSignature.Sign(PayoutApiApp.RailSecret, now, "{}"));
        using var signed = await PostRailAsync(body, ProviderWebhookSignature.Sign(PayoutApiApp.RailSecret, now, body));

        await ProblemAssert.IsProblemAsync(unsigned, HttpStatusCode.Unauthorized, "rail-signature-invalid");
        await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized, "rail-signature-invalid");
        await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.BadRequest, "malformed-json");
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
    }

    private async Task<HttpResponseMessage> PostRailAsync(string body, string? signature)
    {
        using var request = ApiApp.Request(HttpMethod.Post, "/api/payout-rail/events", body, key: null);
        if (signature is not null)
        {
            request.Headers.Add(RailWebhookHandler.SignatureHeader, signature);
        }

        return await app.Http.SendAsync(request);
    }
}
