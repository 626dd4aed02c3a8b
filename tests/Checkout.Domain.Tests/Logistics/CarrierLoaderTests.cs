using System.Text.Json.Nodes;
using Checkout.Domain.Customs;
using Checkout.Domain.Logistics;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Tests.Logistics;

public sealed class CarrierLoaderTests
{
    private const string File = "logistics/carriers/test-post.json";
    private const string Service = "services[0] (Test Post / Airmail)";
    private const string Zone = Service + ".zones[0] (zone 1)";

    // Each case breaks one thing in an otherwise valid file: Test Post, CNY, one service "Airmail" CN → FR, 20 kg,
    // rate card one band up to 20 kg.
    private static readonly Dictionary<string, Action<JsonObject>> Breakages = new(StringComparer.Ordinal)
    {
        ["unknown currency"] = f => f["currency"] = "XYZ",
        ["no carrier name"] = f => f.Remove("carrier"),
        ["illustrative not a boolean"] = f => f["illustrative"] = "yes",
        ["no services"] = f => f["services"] = new JsonArray(),
        ["unknown route type"] = f => Svc(f)["routeType"] = "truck",
        ["unknown channel"] = f => Svc(f)["channel"] = "pigeon",
        ["divisor typo"] = f => Svc(f)["volumetricDivisor"] = 500,
        ["negative weight limit"] = f => Svc(f)["limits"]!["maxWeightKg"] = -1,
        ["origin not a country code"] = f => Svc(f)["origins"] = new JsonArray("China"),
        ["source not a URL"] = f => Svc(f)["source"] = "rates.pdf",
        ["period reversed"] = f => Svc(f)["effectiveTo"] = "2025-01-01",
        ["transit days reversed"] = f => Zone0(f)["transitDays"] = new JsonObject { ["min"] = 10, ["max"] = 5 },
        ["bands fall in weight"] = f => Zone0(f)["bands"] = Bands((1m, 100m), (0.5m, 120m), (20m, 300m)),
        ["prices fall"] = f => Zone0(f)["bands"] = Bands((0.5m, 100m), (1m, 90m), (20m, 300m)),
        ["band off the weight step"] = f => Zone0(f)["bands"] = Bands((0.7m, 100m), (20m, 300m)),
        ["rate card short of the weight limit"] = f => Zone0(f)["bands"] = Bands((10m, 100m)),
        ["zone without countries"] = f => Zone0(f)["countries"] = new JsonArray(),
        ["zone limit not positive"] = f => Zone0(f)["limits"] = new JsonObject { ["maxWeightKg"] = 20, ["maxLengthCm"] = 0 },
        ["country in two zones"] = f => ((JsonArray)Svc(f)["zones"]!).Add(TestCarriers.Zone("2", ["FR", "DE"], 1, 2, (20m, 90m))),
        ["same service twice at once"] = f => ((JsonArray)f["services"]!).Add(TestCarriers.Service("Airmail", effectiveFrom: "2026-06-01")),
    };

    [Theory]
    [InlineData("unknown currency", "(root)", "'XYZ' is not a supported ISO 4217 currency")]
    [InlineData("no carrier name", "(root)", "'carrier' is missing")]
    [InlineData("illustrative not a boolean", "(root)", "'illustrative' must be true or false")]
    [InlineData("no services", "(root)", "'services' must be a non-empty array")]
    [InlineData("unknown route type", Service, "'routeType' must be 'passenger_or_postal' or 'cargo', not 'truck'")]
    [InlineData("unknown channel", Service, "'channel' must be 'postal' or 'courier', not 'pigeon'")]
    [InlineData("divisor typo", Service, "'volumetricDivisor' 500 is outside 4000..6000")]
    [InlineData("negative weight limit", Service + ".limits", "'maxWeightKg' must be greater than zero, not -1")]
    [InlineData("origin not a country code", Service, "'China' is not an ISO 3166-1 alpha-2 country code")]
    [InlineData("source not a URL", Service, "'source' must be an absolute http(s) URL")]
    [InlineData("period reversed", Service, "'effectiveTo' must be after 'effectiveFrom'")]
    [InlineData("transit days reversed", Zone + ".transitDays", "'min' 10 is greater than 'max' 5")]
    [InlineData("bands fall in weight", Zone + ".bands[1]", "bands must rise in weight")]
    [InlineData("prices fall", Zone + ".bands[1]", "prices must not fall")]
    [InlineData("band off the weight step", Zone + ".bands[0]", "'upToKg' 0.7 is not a multiple of the weight step 0.5 kg")]
    [InlineData("rate card short of the weight limit", Service, "zone 1: the rate card stops at 10 kg but the service takes up to 20 kg")]
    [InlineData("zone without countries", Zone, "'countries' must be a non-empty array")]
    [InlineData("zone limit not positive", Zone + ".limits", "'maxLengthCm' must be greater than zero, not 0")]
    [InlineData("country in two zones", Service, "FR is in more than one zone")]
    [InlineData("same service twice at once", "services[1] (Test Post / Airmail)", "overlaps in time")]
    public void Load_MalformedFile_NamesFileEntryAndReason(string breakage, string entry, string reason)
    {
        var file = TestCarriers.File("Test Post", "CNY", TestCarriers.Service("Airmail"));
        Breakages[breakage](file);
        var source = new InMemoryReferenceData(new Dictionary<string, string> { [File] = file.ToJsonString() });

        var error = Assert.Throws<ReferenceDataException>(() => CarrierCatalog.Load(source));

        Assert.Equal(File, error.File);
        Assert.Equal(entry, error.Entry);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ValidFile_ReadsEveryField()
    {
        var file = TestCarriers.File(
            "Test Post", "CNY", TestCarriers.Service("Airmail", maxLengthPlusGirthCm: 200m, transitMin: 4, transitMax: 9, price: 88m));
        var source = new InMemoryReferenceData(new Dictionary<string, string> { [File] = file.ToJsonString() });

        var service = Assert.Single(CarrierCatalog.Load(source).All);

        Assert.Equal(
            ("Test Post", "Airmail", "CNY", RouteType.PassengerOrPostal, ShippingChannel.Postal, 6000),
            (service.Carrier, service.Service, service.Currency.Value, service.RouteType, service.Channel, service.VolumetricDivisor));
        Assert.Equal(new ParcelLimits(20m, 100m, 200m, null), service.Limits);
        var zone = Assert.Single(service.Zones);
        Assert.Equal((4, 9), (zone.TransitDaysMin, zone.TransitDaysMax));
        Assert.Equal([new WeightBand(20m, 88m)], zone.Bands);
        Assert.Equal(new DateOnly(2026, 1, 1), service.Period.From);
    }

    [Fact]
    public void Load_NoCarrierFiles_Fails()
    {
        var error = Assert.Throws<ReferenceDataException>(() => CarrierCatalog.Load(new InMemoryReferenceData(new Dictionary<string, string>())));

        Assert.Equal(CarrierCatalog.Folder, error.File);
    }

    [Fact]
    public void Load_NotJson_NamesTheFile()
    {
        var source = new InMemoryReferenceData(new Dictionary<string, string> { [File] = "{ \"carrier\": " });

        var error = Assert.Throws<ReferenceDataException>(() => CarrierCatalog.Load(source));

        Assert.Equal((File, "(file)"), (error.File, error.Entry));
    }

    private static JsonObject Svc(JsonObject file) => (JsonObject)file["services"]![0]!;

    private static JsonObject Zone0(JsonObject file) => (JsonObject)Svc(file)["zones"]![0]!;

    private static JsonArray Bands(params (decimal UpToKg, decimal Price)[] bands) =>
        new(bands.Select(b => (JsonNode?)new JsonObject { ["upToKg"] = b.UpToKg, ["price"] = b.Price }).ToArray());
}
