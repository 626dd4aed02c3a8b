using System.Text.Json.Nodes;

namespace Checkout.Functions.Tests.Api;

/// <summary>The sample checkout (a Shenzhen merchant selling a T-shirt to Lahore) and ways to spoil it.</summary>
internal static class SampleRequests
{
    public const string Checkout = """
        { "merchantReference": "order-1001", "presentmentCurrency": "PKR", "incoterm": "DDP",
          "buyer":    { "country": "PK", "postalCode": "54000", "email": "buyer@example.com" },
          "shipFrom": { "country": "CN", "postalCode": "518000" },
          "items": [ { "sku": "TS-1", "description": "Cotton T-shirt", "hsCode": "610910", "originCountry": "CN",
                       "unitPrice": { "value": 1250, "currency": "CNY" }, "quantity": 2, "weightGrams": 200,
                       "dimensionsCm": { "length": 30, "width": 20, "height": 3 }, "dangerousGoods": null } ],
          "shipping": { "preference": "cheapest" },
          "payment":  { "token": "tok_sandbox_success" } }
        """;

    public static JsonObject Parse() => JsonNode.Parse(Checkout)!.AsObject();

    /// <summary>The sample with the value at a slash path (<c>items/0/quantity</c>) replaced by raw JSON, or removed when
    /// <paramref name="json"/> is null.</summary>
    public static string With(string path, string? json)
    {
        var root = Parse();
        var parts = path.Split('/');
        JsonNode parent = root;
        foreach (var part in parts[..^1])
        {
            parent = int.TryParse(part, out var index) ? parent[index]! : parent[part]!;
        }

        var last = parts[^1];
        if (json is null)
        {
            parent.AsObject().Remove(last);
        }
        else if (int.TryParse(last, out var index))
        {
            parent[index] = JsonNode.Parse(json);
        }
        else
        {
            parent[last] = JsonNode.Parse(json);
        }

        return root.ToJsonString();
    }

    public static string ManyItems(int count)
    {
        var root = Parse();
        var item = root["items"]![0]!.ToJsonString();
        root["items"] = JsonNode.Parse("[" + string.Join(",", Enumerable.Repeat(item, count)) + "]");
        return root.ToJsonString();
    }
}
