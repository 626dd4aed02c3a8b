namespace Checkout.Bench;

/// <summary>The README's first checkout (a Shenzhen merchant shipping a T-shirt to Lahore, DDP) as a request body,
/// with a merchant reference per checkout.</summary>
internal static class SampleCart
{
    public static string Json(string merchantReference) => $$$"""
        {"merchantReference":"{{{merchantReference}}}","presentmentCurrency":"PKR","incoterm":"DDP",
         "buyer":{"country":"PK","postalCode":"54000"},"shipFrom":{"country":"CN","postalCode":"518000"},
         "items":[{"sku":"TS-1","description":"Cotton T-shirt","hsCode":"610910","originCountry":"CN",
           "unitPrice":{"value":1250,"currency":"CNY"},"quantity":2,"weightGrams":200,
           "dimensionsCm":{"length":30,"width":20,"height":3}}],
         "shipping":{"preference":"cheapest"},"payment":{"token":"tok_sandbox_success"}}
        """;
}
