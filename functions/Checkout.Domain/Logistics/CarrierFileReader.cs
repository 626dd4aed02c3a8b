using Checkout.Domain.Customs;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Logistics;

/// <summary>Reads and validates one carrier file of <c>ReferenceData/logistics/carriers/</c>.</summary>
internal static class CarrierFileReader
{
    public static IEnumerable<CarrierService> Read(IReferenceDataSource source, string file)
    {
        using var document = ReferenceEntry.Parse(source, file);
        var root = ReferenceEntry.Root(file, document);
        var carrier = root.String("carrier");
        var currency = root.Currency("currency");
        var illustrative = root.Boolean("illustrative");
        return root.Array("services").Select(e => ReadService(e, carrier, currency, illustrative)).ToList();
    }

    private static CarrierService ReadService(ReferenceEntry entry, string carrier, CurrencyCode currency, bool illustrative)
    {
        var name = entry.String("service");
        entry = entry.Describing($"{carrier} / {name}");
        var limits = ReadLimits(entry.Object("limits"));
        var step = entry.PositiveDecimal("weightStepKg");
        var zones = entry.Array("zones").Select(z => ShippingZoneReader.Read(z, step)).ToList();
        ShippingZoneReader.EnsureEachCountryInOneZone(entry, zones);
        var service = new CarrierService(
            carrier, name, currency, entry.Strings("origins").Select(entry.ToCountry).ToHashSet(), ReadRouteType(entry),
            ReadChannel(entry), ReadDivisor(entry), step, limits, zones, entry.Period(), entry.Source(), illustrative);
        ShippingZoneReader.EnsureRatesCoverLimits(entry, service);
        return service;
    }

    public static ParcelLimits ReadLimits(ReferenceEntry entry) => new(
        entry.PositiveDecimal("maxWeightKg"),
        entry.PositiveDecimal("maxLengthCm"),
        entry.OptionalPositiveDecimal("maxLengthPlusGirthCm"),
        entry.OptionalPositiveDecimal("maxSumOfSidesCm"));

    private static RouteType ReadRouteType(ReferenceEntry entry) => entry.String("routeType") switch
    {
        "passenger_or_postal" => RouteType.PassengerOrPostal,
        "cargo" => RouteType.Cargo,
        var other => throw entry.Fail($"'routeType' must be 'passenger_or_postal' or 'cargo', not '{other}'"),
    };

    private static ShippingChannel ReadChannel(ReferenceEntry entry) => entry.String("channel") switch
    {
        "postal" => ShippingChannel.Postal,
        "courier" => ShippingChannel.Courier,
        var other => throw entry.Fail($"'channel' must be 'postal' or 'courier', not '{other}'"),
    };

    // 4,000 to 6,000 cm³/kg covers every divisor in use (reference section 4.1); anything else is a typo. Absent means
    // the service charges actual weight only.
    private static int? ReadDivisor(ReferenceEntry entry)
    {
        if (!entry.Has("volumetricDivisor"))
        {
            return null;
        }

        var divisor = entry.Int("volumetricDivisor", 1);
        return divisor is >= 4000 and <= 6000
            ? divisor
            : throw entry.Fail($"'volumetricDivisor' {divisor} is outside 4000..6000 cm³/kg");
    }
}
