using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payments;
using Checkout.Domain.Payouts;
using Checkout.Domain.Payouts.BankAccounts;
using Checkout.Testing;
using Checkout.Workflows.Providers;
using Checkout.Workflows.Tests.Harness;

namespace Checkout.Workflows.Tests.Providers;

/// <summary>The sandboxes write before they read (one request for a key's first call): a repeated call under the same
/// key still answers what the first one did, and what happened to it since.</summary>
public sealed class SandboxProviderTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Capture_SuccessTokenTwiceUnderOneKey_OneCaptureWithOneId()
    {
        await using var host = await StartAsync();
        var gateway = host.Get<SandboxPaymentGateway>();
        var request = new CaptureRequest("cap1-a1", "cap1", SandboxPaymentGateway.SuccessToken, new Money(12.50m, new CurrencyCode("CNY")));

        var first = await gateway.CaptureAsync(request, CancellationToken.None);
        var again = await gateway.CaptureAsync(request, CancellationToken.None);

        Assert.NotNull(first.CaptureId);
        Assert.Equal(first, again);
        Assert.Equal([("cap1", first.CaptureId)], await gateway.ListCapturesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RailCreate_RepeatedAfterTheBankSettledIt_AnswersTheSettledPayout_NotInTransitAgain()
    {
        await using var host = await StartAsync();
        var rail = host.Get<SandboxPayoutRail>();
        var request = Request("po1-a1", SandboxPayoutAccounts.PaidLater);

        var created = await rail.CreateAsync(request, CancellationToken.None);
        var settled = await rail.SettleAsync(request.IdempotencyKey, CancellationToken.None);
        var again = await rail.CreateAsync(request, CancellationToken.None);

        Assert.Equal(PayoutStatus.InTransit, created.Status);
        Assert.Equal(PayoutStatus.Paid, settled.Status);
        Assert.Equal(settled, again);
    }

    [Fact]
    public async Task RailCreate_AfterTransientFailuresToAnEarlierAccount_CreatesForTheNewOne()
    {
        await using var host = await StartAsync();
        var rail = host.Get<SandboxPayoutRail>();

        await Assert.ThrowsAsync<PayoutRailUnavailableException>(() => rail.CreateAsync(Request("po2-a1", SandboxPayoutAccounts.UnavailableTwice), CancellationToken.None));
        var created = await rail.CreateAsync(Request("po2-a1", SandboxPayoutAccounts.PaidAtOnce), CancellationToken.None);

        Assert.Equal(PayoutStatus.Paid, created.Status);
        Assert.Equal(created, await rail.GetAsync("po2-a1", CancellationToken.None));
    }

    private static PayoutRailRequest Request(string key, string accountNumber) => new(
        key,
        key[..3] + "-payout",
        "m_sandbox",
        new Money(100m, new CurrencyCode("USD")),
        new PayoutDestination("Test Merchant Ltd", new CountryCode("US"), new CurrencyCode("USD"), new BankAccount(BankAccountScheme.UsAch, accountNumber, RoutingNumber: "110000000")));

    private Task<WorkflowHost> StartAsync() => WorkflowHost.StartAsync(azurite.ConnectionString, "s" + Guid.NewGuid().ToString("N")[..10]);
}
