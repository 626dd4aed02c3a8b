using Checkout.Domain.Carts;
using Checkout.Domain.Customs;
using Checkout.Domain.Estimates;
using Checkout.Domain.Geography;
using Checkout.Domain.LandedCosts;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Tests.Estimates;

/// <summary>End to end over the shipped reference data (sample FX rates as of 2026-11-20, carriers from CN).</summary>
public sealed class CheckoutEstimatorTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Estimate_AdmissibleCart_PricesTheChosenOptionWithTheQuote()
    {
        var cart = Cart("GB", "EC1Y 8SY", "GBP", ("TEE", "T-shirt", "610910", 20.00m, "USD"));

        var estimate = Assert.IsType<Estimate>(CheckoutEstimator.Default.Estimate(cart, At, "chk-1-q1"));

        Assert.Equal(("chk-1-q1", new CurrencyCode("GBP")), (estimate.Quote.Id, estimate.Quote.TargetCurrency));
        Assert.Equal(estimate.ShippingOptions[0], estimate.Shipping);
        Assert.Equal(estimate.Quote.Convert(estimate.Shipping.Cost), estimate.LandedCost.Shipping);
        Assert.Equal(estimate.Quote.Convert(new Money(20.00m, new CurrencyCode("USD"))), estimate.LandedCost.Goods);
        var vat = Assert.Single(estimate.LandedCost.Lines, l => l.Kind == LandedCostLineKind.Tax);
        Assert.Equal(("gb.vat.standard", "gb.vat.point-of-sale"), (vat.Rule.RuleId, vat.Regime!.RuleId));
        Assert.Equal(estimate.LandedCost.Total, estimate.LandedCost.AmountDueAtCheckout);
    }

    [Fact]
    public void Estimate_SameInputs_SameEstimate()
    {
        var cart = Cart("DE", "10115", "EUR", ("SHOE", "Trainers", "640411", 90.00m, "CNY"));

        var first = Assert.IsType<Estimate>(CheckoutEstimator.Default.Estimate(cart, At, "chk-2-q1"));
        var second = Assert.IsType<Estimate>(CheckoutEstimator.Default.Estimate(cart, At, "chk-2-q1"));

        Assert.Equal(first.LandedCost.Lines, second.LandedCost.Lines);
        Assert.Equal(first.Quote.Legs, second.Quote.Legs);
    }

    [Theory]
    [InlineData("IR", null, "610910", "T-shirt", "sanctions.embargoed_country")]
    [InlineData("GB", "EC1Y 8SY", "930200", "Revolver", CustomsCodes.ProhibitedGoods)]
    [InlineData("GB", "EC1Y 8SY", "61091", "T-shirt", CustomsCodes.InvalidHsCode)]
    [InlineData("BR", "01001-000", "610910", "T-shirt", CustomsCodes.DestinationNotSupported)]
    [InlineData("GB", "NOT A CODE", "610910", "T-shirt", "logistics.invalid_postal_code")]
    public void Estimate_RefusedCart_RejectsWithTheFirstStepsCode(string country, string? postalCode, string hs, string description, string code)
    {
        var cart = Cart(country, postalCode, "EUR", ("X", description, hs, 20.00m, "EUR"));

        var rejected = Assert.IsType<EstimateRejected>(CheckoutEstimator.Default.Estimate(cart, At, "chk-3-q1"));

        Assert.Equal(code, rejected.Code);
    }

    [Fact]
    public void Estimate_RatesTooOld_RejectsWithFxCode()
    {
        var cart = Cart("GB", "EC1Y 8SY", "GBP", ("TEE", "T-shirt", "610910", 20.00m, "USD"));

        var rejected = Assert.IsType<EstimateRejected>(CheckoutEstimator.Default.Estimate(cart, At.AddDays(30), "chk-4-q1"));

        Assert.Equal("fx.stale_rates", rejected.Code);
    }

    private static Cart Cart(string country, string? postalCode, string presentment, params (string Sku, string Description, string Hs, decimal Price, string Currency)[] lines) => new(
        new CurrencyCode(presentment),
        Incoterm.Ddp,
        new Address(new CountryCode(country), postalCode),
        new Address(new CountryCode("CN"), "518000"),
        lines.Select(l => new CartLine(l.Sku, l.Description, l.Hs, new CountryCode("CN"), new Money(l.Price, new CurrencyCode(l.Currency)), 1, 300,
            new ParcelDimensionsCm(25m, 20m, 5m), null)).ToList(),
        ShippingPreference.Cheapest);
}
