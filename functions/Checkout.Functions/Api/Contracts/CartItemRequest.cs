using System.ComponentModel;
using Checkout.Domain.Monetary;

namespace Checkout.Functions.Api.Contracts;

/// <summary>One line of the cart.</summary>
internal sealed record CartItemRequest(
    string Sku,
    string Description,
    [property: Description("Harmonized System code, 6 to 10 digits.")] string HsCode,
    [property: Description("ISO 3166-1 alpha-2 country of origin.")] string OriginCountry,
    [property: Description("Price of one unit, in minor units.")] MoneyAmount UnitPrice,
    [property: Description("1 to 10,000.")] int Quantity,
    int WeightGrams,
    DimensionsRequest DimensionsCm,
    [property: Description("UN number of dangerous goods, e.g. UN3481, or null.")] string? DangerousGoods = null);
