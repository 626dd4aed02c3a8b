using System.Net;
using Checkout.Domain.Monetary;
using Checkout.Functions.Tests.Api;
using Checkout.Functions.Tests.Payouts;
using Checkout.Workflows;
using Checkout.Workflows.Refunds;
using static Checkout.Functions.Tests.Payouts.PayoutApiClient;
using static Checkout.Functions.Tests.Refunds.RefundApiClient;

namespace Checkout.Functions.Tests.Refunds;

/// <summary>Refunds of completed checkouts through the real app: created, carried out by their workflow against the
/// sandbox gateway, posted to the ledger (reconciled after each test), and shown on the checkout.</summary>
public sealed class RefundApiTests(PayoutApiApp app) : IClassFixture<PayoutApiApp>
{
    [Fact]
    public async Task Refund_EmptyBody_RefundsEverythingAndShowsOnTheCheckout()
    {
        var (id, charged, currency) = await CompleteAsync(app, SampleRequests.Checkout);

        using var response = await RefundAsync(app, id, "{}");
        var created = await JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal(new Uri(app.Http.BaseAddress!, $"/api/checkouts/{id}/refunds/{id}-r1"), response.Headers.Location);
        Assert.Equal($"{id}-r1", Id(created));
        Assert.Equal("pending", created.GetProperty("status").GetString());
        Assert.Equal(charged, Value(created, "amount"));
        Assert.Equal(currency, created.GetProperty("amount").GetProperty("currency").GetString());

        var done = await UntilRefundAsync(app, id, Id(created), "succeeded");
        Assert.Contains(done.GetProperty("balanceEffect").GetString(), new[] { "reversed", "carried_to_next_payout" });
        var checkout = await GetCheckoutAsync(app, id);
        Assert.Equal(charged, Value(checkout, "amountRefunded"));
        Assert.Equal(Id(created), Id(Assert.Single(checkout.GetProperty("refunds").EnumerateArray())));
        var list = await ListAsync(app, id);
        Assert.Equal(Id(created), Id(Assert.Single(list.GetProperty("data").EnumerateArray())));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, list.GetProperty("nextCursor").ValueKind);

        using var again = await RefundAsync(app, id, "{}");
        Assert.Equal(["#/amount"], ProblemAssert.Pointers(await ProblemAssert.IsProblemAsync(again, HttpStatusCode.UnprocessableEntity, "validation")));
        await AssertReconciledAsync(app);
    }

    [Fact]
    public async Task PartialRefunds_TwoThenOneMoreThanRemains_Answers422NamingAmount()
    {
        var (id, charged, currency) = await CompleteAsync(app, SampleRequests.Checkout);
        var third = charged / 3;

        var first = await CreatedAsync(app, id, Amount(third, currency));
        var second = await CreatedAsync(app, id, Amount(third, currency));
        using var tooMuch = await RefundAsync(app, id, Amount(charged - (2 * third) + 1, currency));

        var problem = await ProblemAssert.IsProblemAsync(tooMuch, HttpStatusCode.UnprocessableEntity, "validation");
        Assert.Equal(["#/amount"], ProblemAssert.Pointers(problem));
        Assert.Equal([$"{id}-r1", $"{id}-r2"], (await ListAsync(app, id)).GetProperty("data").EnumerateArray().Select(Id));
        await UntilRefundAsync(app, id, Id(first), "succeeded");
        await UntilRefundAsync(app, id, Id(second), "succeeded");
        var rest = await CreatedAsync(app, id, Amount(charged - (2 * third), currency));
        await UntilRefundAsync(app, id, Id(rest), "succeeded");
        Assert.Equal(charged, Value(await GetCheckoutAsync(app, id), "amountRefunded"));
        Assert.Equal([$"{id}-r1", $"{id}-r2", $"{id}-r3"], await PagedIdsAsync(id));
        await AssertReconciledAsync(app);
    }

    /// <summary>Four refunds of 40 % each at once: whatever the interleaving, exactly two fit in the capture.</summary>
    [Fact]
    public async Task ConcurrentRefunds_NeverTogetherExceedTheCapture()
    {
        var (id, charged, currency) = await CompleteAsync(app, SampleRequests.Checkout);
        var each = charged * 2 / 5;

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RefundAsync(app, id, Amount(each, currency))));

        try
        {
            Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
            Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        var refunds = (await ListAsync(app, id)).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(2, refunds.Count);
        foreach (var refund in refunds)
        {
            await UntilRefundAsync(app, id, Id(refund), "succeeded");
        }

        Assert.Equal(2 * each, Value(await GetCheckoutAsync(app, id), "amountRefunded"));
        await AssertReconciledAsync(app);
    }

    [Fact]
    public async Task Refund_SameIdempotencyKey_ReplaysTheSameRefund_DifferentBodyIs422()
    {
        var (id, charged, currency) = await CompleteAsync(app, SampleRequests.Checkout);
        var body = Amount(charged / 4, currency);

        var first = await CreatedAsync(app, id, body, idempotencyKey: "refund-key-1");
        using var replay = await RefundAsync(app, id, body, idempotencyKey: "refund-key-1");
        using var other = await RefundAsync(app, id, Amount(charged / 5, currency), idempotencyKey: "refund-key-1");

        Assert.Equal(Id(first), Id(await JsonAsync(replay, HttpStatusCode.Created)));
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Single((await ListAsync(app, id)).GetProperty("data").EnumerateArray());
        await UntilRefundAsync(app, id, Id(first), "succeeded");
    }

    /// <summary>The process died after writing a refund's row and before starting its orchestration (written here with
    /// the store itself, started by nobody): the checkout's next refund request starts it.</summary>
    [Fact]
    public async Task OrphanedPendingRefund_NextRefundRequest_StartsIt()
    {
        var (id, charged, currency) = await CompleteAsync(app, SampleRequests.Checkout);
        var store = new RefundStore(app.Tables, new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix });
        var captured = Money.FromMinorUnits(charged, new CurrencyCode(currency));
        var orphan = (await store.ReserveAsync("dev", id, captured, Money.FromMinorUnits(charged / 4, captured.Currency), "orphan", DateTimeOffset.UtcNow, CancellationToken.None)).Created!;

        var next = await CreatedAsync(app, id, Amount(charged / 4, currency));

        Assert.Equal($"{id}-r2", Id(next));
        await UntilRefundAsync(app, id, orphan.Id, "succeeded");
        await UntilRefundAsync(app, id, Id(next), "succeeded");
        Assert.Equal(2 * (charged / 4), Value(await GetCheckoutAsync(app, id), "amountRefunded"));
    }

    [Fact]
    public async Task Refund_BadRequests_AreRefusedBeforeAnythingIsWritten()
    {
        using var start = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.Checkout);
        var open = (await JsonAsync(start, HttpStatusCode.Accepted)).GetProperty("id").GetString()!;
        var (done, _, currency) = await CompleteAsync(app, SampleRequests.Checkout);

        using var notCompleted = await RefundAsync(app, open, "{}");
        using var unknown = await RefundAsync(app, "co_does_not_exist", "{}");
        using var wrongCurrency = await RefundAsync(app, done, Amount(100, currency == "USD" ? "EUR" : "USD"));
        using var zero = await RefundAsync(app, done, Amount(0, currency));
        using var unknownField = await RefundAsync(app, done, """{"amount":{"value":1,"currency":"PKR"},"note":"x"}""");
        using var otherMerchant = await RefundAsync(app, done, "{}", key: await NewMerchantAsync("merchant-refunds-other"));

        var conflict = await ProblemAssert.IsProblemAsync(notCompleted, HttpStatusCode.Conflict, "refund-checkout-not-completed");
        Assert.Equal("refund.checkout_not_completed", conflict.GetProperty("code").GetString());
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(["#/amount/currency"], ProblemAssert.Pointers(await ProblemAssert.IsProblemAsync(wrongCurrency, HttpStatusCode.UnprocessableEntity, "validation")));
        Assert.Equal(["#/amount/value"], ProblemAssert.Pointers(await ProblemAssert.IsProblemAsync(zero, HttpStatusCode.UnprocessableEntity, "validation")));
        Assert.Equal(["#/note"], ProblemAssert.Pointers(await ProblemAssert.IsProblemAsync(unknownField, HttpStatusCode.BadRequest, "unknown-field")));
        await ProblemAssert.IsProblemAsync(otherMerchant, HttpStatusCode.NotFound, "not-found");
        Assert.Empty((await ListAsync(app, done)).GetProperty("data").EnumerateArray());
        Assert.False((await GetCheckoutAsync(app, open)).TryGetProperty("refunds", out _), "no refunds before completion");
    }

    private async Task<string> NewMerchantAsync(string merchantId) =>
        await new Checkout.Functions.Api.MerchantKeyStore(app.Tables, new Checkout.Functions.Api.ApiTables(new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix }))
            .CreateKeyAsync(merchantId, CancellationToken.None);

    /// <summary>The refunds a page of one at a time, following each page's Link header as a client would.</summary>
    private async Task<List<string>> PagedIdsAsync(string id)
    {
        var ids = new List<string>();
        var next = $"/api/checkouts/{id}/refunds?limit=1";
        while (next is not null)
        {
            using var page = await app.SendAsync(HttpMethod.Get, next);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            using var body = System.Text.Json.JsonDocument.Parse(await page.Content.ReadAsStringAsync());
            ids.AddRange(body.RootElement.GetProperty("data").EnumerateArray().Select(Id));
            var link = page.Headers.TryGetValues("Link", out var values) ? values.Single() : null;
            Assert.Equal(body.RootElement.GetProperty("nextCursor").ValueKind != System.Text.Json.JsonValueKind.Null, link is not null);
            next = link is null ? null : new Uri(link[1..link.IndexOf('>', StringComparison.Ordinal)]).PathAndQuery;
        }

        return ids;
    }
}
