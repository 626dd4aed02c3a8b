using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Carts;

/// <summary>What the buyer is buying and where it goes: the input to customs, logistics, FX and landed cost.</summary>
/// <param name="PresentmentCurrency">The currency the buyer sees and pays in.</param>
/// <param name="Incoterm">Who pays duties and taxes: DDP (merchant, all-in price) or DAP (buyer, on delivery).</param>
public sealed record Cart(
    CurrencyCode PresentmentCurrency,
    Incoterm Incoterm,
    Address Destination,
    Address ShipFrom,
    IReadOnlyList<CartLine> Lines,
    ShippingPreference ShippingPreference);

public enum Incoterm
{
    /// <summary>Delivered Duty Paid: the merchant collects and remits duty and tax; the buyer sees an all-in price.</summary>
    Ddp,

    /// <summary>Delivered At Place: the buyer pays duty and tax on delivery; shown at checkout as an estimate.</summary>
    Dap,
}

public enum ShippingPreference
{
    Cheapest,
    Fastest,
}

/// <param name="PostalCode">Null for countries without postal codes (HK, MO, AE).</param>
public sealed record Address(CountryCode Country, string? PostalCode);

/// <param name="HsCode">Harmonized System code: 6 digits (WCO) or a national extension of 8-10 digits.</param>
/// <param name="UnitPrice">In the merchant's price currency, which may differ per line (mixed-origin carts).</param>
/// <param name="DangerousGoods">A UN number such as UN3480/UN3481, or null.</param>
public sealed record CartLine(
    string Sku,
    string Description,
    string HsCode,
    CountryCode OriginCountry,
    Money UnitPrice,
    int Quantity,
    int WeightGrams,
    ParcelDimensionsCm Dimensions,
    string? DangerousGoods);

public readonly record struct ParcelDimensionsCm(decimal Length, decimal Width, decimal Height);
