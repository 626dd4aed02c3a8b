using System.Globalization;

namespace Checkout.Domain.Logistics;

/// <summary>Reads and validates the zones of a carrier service: countries, transit days and the rate card.</summary>
internal static class ShippingZoneReader
{
    public static ShippingZone Read(ReferenceEntry entry, decimal weightStepKg)
    {
        var name = entry.String("zone");
        entry = entry.Describing($"zone {name}");
        var transit = entry.Object("transitDays");
        var (min, max) = (transit.Int("min", 0), transit.Int("max", 0));
        if (min > max)
        {
            throw transit.Fail($"'min' {min} is greater than 'max' {max}");
        }

        var bands = ReadBands(entry, weightStepKg);
        var limits = entry.Has("limits") ? CarrierFileReader.ReadLimits(entry.Object("limits")) : null;
        var perStep = entry.OptionalPositiveDecimal("pricePerStepAboveLastBand");
        return new ShippingZone(
            name, entry.Strings("countries").Select(entry.ToCountry).ToHashSet(), min, max, bands, perStep, limits);
    }

    public static void EnsureEachCountryInOneZone(ReferenceEntry service, IReadOnlyList<ShippingZone> zones)
    {
        var duplicate = zones.SelectMany(z => z.Countries).GroupBy(c => c).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw service.Fail($"{duplicate.Key} is in more than one zone");
        }
    }

    /// <summary>Checks that every zone prices every weight up to its maximum; run once the service's limits are known.
    /// </summary>
    public static void EnsureRatesCoverLimits(ReferenceEntry service, CarrierService carrierService)
    {
        foreach (var zone in carrierService.Zones.Where(z => z.PricePerStepAboveLastBand is null))
        {
            var maxWeight = carrierService.LimitsFor(zone).MaxWeightKg;
            if (zone.Bands[^1].UpToKg < maxWeight)
            {
                throw service.Fail(string.Create(
                    CultureInfo.InvariantCulture,
                    $"zone {zone.Name}: the rate card stops at {zone.Bands[^1].UpToKg} kg but the service takes up to {maxWeight} kg"));
            }
        }
    }

    private static List<WeightBand> ReadBands(ReferenceEntry zone, decimal weightStepKg)
    {
        var bands = new List<WeightBand>();
        foreach (var entry in zone.Array("bands"))
        {
            var band = new WeightBand(entry.PositiveDecimal("upToKg"), entry.PositiveDecimal("price"));
            if (bands.Count > 0 && (band.UpToKg <= bands[^1].UpToKg || band.Price < bands[^1].Price))
            {
                throw entry.Fail("bands must rise in weight, and prices must not fall as weight rises");
            }

            if (band.UpToKg % weightStepKg != 0m)
            {
                throw entry.Fail(string.Create(CultureInfo.InvariantCulture, $"'upToKg' {band.UpToKg} is not a multiple of the weight step {weightStepKg} kg"));
            }

            bands.Add(band);
        }

        return bands;
    }
}
