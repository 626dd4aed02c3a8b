using Azure.Data.Tables;
using Checkout.Domain.Buyers;
using Checkout.Domain.Monetary;
using Checkout.Testing;
using Checkout.Workflows.Buyers;
using Microsoft.Extensions.Options;

namespace Checkout.Workflows.Tests.Buyers;

/// <summary>Buyers' CBEC annual totals on Azurite: counted once per checkout however often a step repeats, guarded
/// against two orders counted on the same figure, released exactly.</summary>
public sealed class CbecAnnualTotalsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly CurrencyCode Cny = new("CNY");

    [Fact]
    public async Task Count_Repeated_ReplacesTheCheckoutsAmountInsteadOfAddingIt()
    {
        var totals = await NewTotalsAsync();
        await totals.CountAsync(await totals.ReadAsync("buyer", 2026, "co_1", Cny, default), Yuan(3000m), default);

        var again = await totals.ReadAsync("buyer", 2026, "co_1", Cny, default);
        Assert.Equal((Yuan(0m), Yuan(3000m)), (again.OthersThisYear, again.ThisCheckout));
        await totals.CountAsync(again, Yuan(3100m), default);

        Assert.Equal(Yuan(3100m), (await totals.ReadAsync("buyer", 2026, "co_2", Cny, default)).OthersThisYear);
    }

    [Fact]
    public async Task Count_TwoOrdersOnTheSameFigure_TheSecondMustReadAgain()
    {
        var totals = await NewTotalsAsync();
        await totals.CountAsync(await totals.ReadAsync("buyer", 2026, "co_0", Cny, default), Yuan(20000m), default);
        var first = await totals.ReadAsync("buyer", 2026, "co_1", Cny, default);
        var second = await totals.ReadAsync("buyer", 2026, "co_2", Cny, default);

        await totals.CountAsync(first, Yuan(4000m), default);
        await Assert.ThrowsAsync<AnnualTotalChangedException>(() => totals.CountAsync(second, Yuan(4000m), default));

        var reread = await totals.ReadAsync("buyer", 2026, "co_2", Cny, default);
        Assert.Equal(Yuan(24000m), reread.OthersThisYear);
    }

    [Fact]
    public async Task Release_TakesBackExactlyTheCheckoutsAmount_Once()
    {
        var totals = await NewTotalsAsync();
        await totals.CountAsync(await totals.ReadAsync("buyer", 2026, "co_1", Cny, default), Yuan(1234.56m), default);
        await totals.CountAsync(await totals.ReadAsync("buyer", 2026, "co_2", Cny, default), Yuan(100m), default);

        await totals.ReleaseAsync("buyer", 2026, "co_1", default);
        await totals.ReleaseAsync("buyer", 2026, "co_1", default);

        Assert.Equal(Yuan(100m), (await totals.ReadAsync("buyer", 2026, "co_3", Cny, default)).OthersThisYear);
    }

    [Fact]
    public async Task Totals_AreKeptPerYearAndPerBuyer()
    {
        var totals = await NewTotalsAsync();
        await totals.CountAsync(await totals.ReadAsync("buyer", 2025, "co_1", Cny, default), Yuan(25000m), default);

        Assert.Equal(Yuan(0m), (await totals.ReadAsync("buyer", 2026, "co_2", Cny, default)).OthersThisYear);
        Assert.Equal(Yuan(0m), (await totals.ReadAsync("other", 2025, "co_2", Cny, default)).OthersThisYear);
    }

    [Theory]
    [InlineData("2025-12-31T15:59:59Z", 2025)]
    [InlineData("2025-12-31T16:00:00Z", 2026)] // midnight in Beijing
    public void YearOf_IsChinasCalendarYear(string at, int year) =>
        Assert.Equal(year, CbecAnnualTotals.YearOf(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void BuyerKey_IsKeyedAndTheSameForEitherCaseOfX_AndNeverTheNumber()
    {
        var keys = Keys(TestSecrets.IdentityHashKey);
        var upper = keys.For(new BuyerIdentity("王小明", "11010519491231002X"));

        Assert.Equal(upper, keys.For(new BuyerIdentity("王小明", "11010519491231002x")));
        Assert.NotEqual(upper, Keys(BuyerKeyOptions.DevelopmentKey).For(new BuyerIdentity("王小明", "11010519491231002X")));
        Assert.Equal(64, upper.Length);
        Assert.DoesNotContain("19491231", upper, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false, "Buyers:IdentityHashKey is not set")]
    [InlineData("AAAA", false, "Buyers:IdentityHashKey is not base64 of exactly 32 bytes")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://v.vault.azure.net/secrets/k)", false, "a Key Vault reference the platform did not resolve")]
    [InlineData("dev", false, "the published development key, which is refused outside Development")]
    [InlineData("dev", true, null)]
    [InlineData(TestSecrets.IdentityHashKey, false, null)]
    public void Options_ProblemNamesTheSetting(string? key, bool development, string? expected)
    {
        var options = new BuyerKeyOptions { IdentityHashKey = key == "dev" ? BuyerKeyOptions.DevelopmentKey : key };

        var problem = options.Problem(development);

        if (expected is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(expected, problem, StringComparison.Ordinal);
        }
    }

    private static BuyerKeys Keys(string key) => new(Options.Create(new BuyerKeyOptions { IdentityHashKey = key }));

    private static Money Yuan(decimal amount) => new(amount, Cny);

    private async Task<CbecAnnualTotals> NewTotalsAsync()
    {
        var options = new CheckoutWorkflowOptions { ResourcePrefix = "y" + Guid.NewGuid().ToString("N")[..8] };
        var totals = new CbecAnnualTotals(new TableServiceClient(azurite.ConnectionString), options);
        await totals.InitializeAsync(default);
        return totals;
    }
}
