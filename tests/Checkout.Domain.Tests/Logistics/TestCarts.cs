using Checkout.Domain.Carts;
using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Tests.Logistics;

internal static class TestCarts
{
    public static readonly DateOnly Day = new(2026, 11, 22);

    /// <summary>A cart shipped from Shenzhen (CN 518000).</summary>
    public static Cart To(
        string country, string? postalCode, ShippingPreference preference = ShippingPreference.Cheapest, params CartLine[] lines) =>
        new(
            new CurrencyCode("EUR"),
            Incoterm.Ddp,
            new Address(new CountryCode(country), postalCode),
            new Address(new CountryCode("CN"), "518000"),
            lines.Length == 0 ? [Line(500, 20m, 15m, 5m)] : lines,
            preference);

    public static CartLine Line(
        int weightGrams, decimal lengthCm, decimal widthCm, decimal heightCm, int quantity = 1, string? dangerousGoods = null) =>
        new(
            "SKU-1",
            "Test item",
            "851713",
            new CountryCode("CN"),
            new Money(100m, new CurrencyCode("CNY")),
            quantity,
            weightGrams,
            new ParcelDimensionsCm(lengthCm, widthCm, heightCm),
            dangerousGoods);
}
