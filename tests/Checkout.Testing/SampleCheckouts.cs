using Checkout.Domain.Carts;
using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;
using Checkout.Domain.Workflow;

namespace Checkout.Testing;

/// <summary>New checkouts as the API would create them: a Shenzhen merchant selling a T-shirt abroad.</summary>
public static class SampleCheckouts
{
    public const string MerchantId = "merchant-1";

    public static CheckoutState Create(
        string id,
        DateTimeOffset at,
        string token = "tok_sandbox_success",
        string destination = "PK",
        string postalCode = "54000",
        string hsCode = "610910") => new()
    {
        Id = id,
        MerchantId = MerchantId,
        MerchantReference = "order-" + id,
        PaymentToken = token,
        CreatedAt = at,
        UpdatedAt = at,
        Cart = new Cart(
            new CurrencyCode(destination == "PK" ? "PKR" : "EUR"),
            Incoterm.Ddp,
            new Address(new CountryCode(destination), postalCode),
            new Address(new CountryCode("CN"), "518000"),
            [new CartLine("TS-1", "Cotton T-shirt", hsCode, new CountryCode("CN"), Money.FromMinorUnits(12_500, new CurrencyCode("CNY")), 2, 200, new ParcelDimensionsCm(30, 20, 3), null)],
            ShippingPreference.Cheapest),
    };
}
