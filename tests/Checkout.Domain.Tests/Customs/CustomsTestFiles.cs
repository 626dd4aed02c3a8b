using System.Text.Json.Nodes;

namespace Checkout.Domain.Tests.Customs;

/// <summary>A small, valid destination file ("XL", Testland, 10% duty above 100, 20% VAT) to break one way per test.</summary>
internal static class CustomsTestFiles
{
    public const string FilePath = "customs/xl.json";

    public static JsonObject Destination() => JsonNode.Parse("""
        {
          "schemaVersion": 1,
          "kind": "destination",
          "name": "Testland",
          "countries": ["XL"],
          "currency": "EUR",
          "valuation": [
            { "id": "xl.valuation", "dutyBasis": "CIF", "effectiveFrom": "2025-01-01", "source": "https://example.org/valuation" }
          ],
          "dutyRegimes": [
            { "id": "xl.duty.relief", "maxValue": 100, "inclusive": true, "treatment": "none", "collection": "atSale",
              "effectiveFrom": "2025-01-01", "effectiveTo": null, "source": "https://example.org/relief" },
            { "id": "xl.duty.tariff", "treatment": "tariff", "collection": "atImport",
              "effectiveFrom": "2025-01-01", "source": "https://example.org/tariff" }
          ],
          "taxRegimes": [
            { "id": "xl.vat.import", "treatment": "charge", "tax": "VAT", "base": ["goods", "shipping", "insurance", "duty"],
              "collection": "atImport", "effectiveFrom": "2025-01-01", "source": "https://example.org/vat" }
          ],
          "taxRates": [
            { "id": "xl.vat.standard", "country": "XL", "tax": "VAT", "rate": 0.20, "effectiveFrom": "2025-01-01", "source": "https://example.org/vat-rate" }
          ],
          "dutyRates": [
            { "id": "xl.duty-rate.default", "hsPrefix": "", "rate": 0.10, "illustrative": true, "effectiveFrom": "2025-01-01", "source": "https://example.org/rates" }
          ],
          "restrictions": [
            { "id": "xl.prohibited.ivory", "keyword": "ivory", "action": "reject", "reasonCode": "customs.prohibited_goods",
              "detail": "Ivory is prohibited.", "effectiveFrom": "2025-01-01", "source": "https://example.org/ivory" }
          ]
        }
        """)!.AsObject();

    public static InMemoryCustomsData Source(params (string Path, string Json)[] files) =>
        new(files.ToDictionary(f => f.Path, f => f.Json, StringComparer.Ordinal));

    public static InMemoryCustomsData Source(JsonObject destination) => Source((FilePath, destination.ToJsonString()));

    public static JsonObject Entry(JsonObject file, string section, int index) => file[section]![index]!.AsObject();
}
