using Checkout.Domain.Carts;
using Checkout.Domain.Customs;
using Checkout.Domain.Geography;
using Checkout.Domain.Logistics;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Tests.Logistics;

/// <summary>The corridors into mainland China the product was started for (Lahore, Macau and Hong Kong merchants to
/// buyers in Shanghai or Zhuhai), and the express carriers' imports from the other origins on file, over the shipped
/// reference data.</summary>
public sealed class IntoChinaCorridorTests
{
    private static readonly CurrencyCode Cny = new("CNY");

    public static TheoryData<string, string?, string, string> Corridors => new()
    {
        { "PK", "54000", "Pakistan Post", "PKR" }, // Lahore
        { "MO", null, "Macao Post and Telecommunications (CTT)", "MOP" },
        { "HK", null, "Hongkong Post", "HKD" },
    };

    [Theory]
    [MemberData(nameof(Corridors))]
    public void Plan_IntoChina_OffersTheLocalPostAndBothExpressCarriers(string origin, string? postalCode, string post, string postCurrency)
    {
        var result = LogisticsPlanner.Default.Plan(ToShanghai(origin, postalCode), TestCarts.Day, ToCny);

        var available = Assert.IsType<ShippingAvailable>(result);
        Assert.Equal(new[] { post, "DHL Express", "UPS" }.Order(StringComparer.Ordinal), available.Options.Select(o => o.Carrier).Order(StringComparer.Ordinal));
        Assert.Equal(postCurrency, available.Options.Single(o => o.Carrier == post).RateCardCurrency.Value);
        Assert.Contains(new CurrencyCode(postCurrency), LogisticsPlanner.Default.RateCardCurrencies(new CountryCode(origin)));
        Assert.All(available.Options, o => Assert.True(o.Cost.Amount > 0m));
    }

    [Theory]
    [InlineData("US", "10001")]
    [InlineData("DE", "10117")]
    [InlineData("SG", "238880")]
    public void Plan_IntoChinaFromElsewhere_ExpressCarriersOnly(string origin, string postalCode)
    {
        var available = Assert.IsType<ShippingAvailable>(LogisticsPlanner.Default.Plan(ToShanghai(origin, postalCode), TestCarts.Day, ToCny));

        Assert.Equal(["DHL Express", "UPS"], available.Options.Select(o => o.Carrier).Order(StringComparer.Ordinal));
        Assert.All(available.Options, o => Assert.Equal(ShippingChannel.Courier, o.Channel));
    }

    [Fact]
    public void Plan_FromMacau_ExpressIsTheNearZone()
    {
        var fromMacau = Assert.IsType<ShippingAvailable>(LogisticsPlanner.Default.Plan(ToShanghai("MO", null, ShippingPreference.Fastest), TestCarts.Day, ToCny)).Chosen;
        var fromLahore = Assert.IsType<ShippingAvailable>(LogisticsPlanner.Default.Plan(ToShanghai("PK", "54000", ShippingPreference.Fastest), TestCarts.Day, ToCny)).Chosen;

        Assert.True(fromMacau.Cost.Amount < fromLahore.Cost.Amount);
    }

    private static Cart ToShanghai(string origin, string? postalCode, ShippingPreference preference = ShippingPreference.Cheapest) =>
        TestCarts.To("CN", "200000", preference) with { ShipFrom = new Address(new CountryCode(origin), postalCode) };

    // Illustrative rates for ranking only; the workflow passes the locked FX quote.
    private static Money ToCny(Money money) => money.Currency.Value switch
    {
        "CNY" => money,
        "USD" => new Money(money.Amount * 7.1m, Cny),
        "HKD" => new Money(money.Amount * 0.91m, Cny),
        "MOP" => new Money(money.Amount * 0.88m, Cny),
        "PKR" => new Money(money.Amount * 0.025m, Cny),
        _ => throw new ArgumentException($"No test rate for {money.Currency.Value}."),
    };
}
