using Checkout.Domain.Geography;

namespace Checkout.Domain.Logistics;

/// <summary>A group of destination countries sharing a rate card and transit times within one carrier service.</summary>
/// <param name="Bands">Ascending by <see cref="WeightBand.UpToKg"/>; a chargeable weight pays the first band that
/// covers it.</param>
/// <param name="PricePerStepAboveLastBand">Added per weight step beyond the last band, when the carrier prices heavier
/// parcels that way; null means the last band is the heaviest the zone prices.</param>
/// <param name="Limits">Replaces the service's limits for this zone (postal limits differ by destination); null when
/// the service's apply.</param>
public sealed record ShippingZone(
    string Name,
    IReadOnlySet<CountryCode> Countries,
    int TransitDaysMin,
    int TransitDaysMax,
    IReadOnlyList<WeightBand> Bands,
    decimal? PricePerStepAboveLastBand,
    ParcelLimits? Limits)
{
    /// <summary>The price for a chargeable weight already rounded to <paramref name="weightStepKg"/>, or null when the
    /// weight is beyond what the zone prices.</summary>
    public decimal? PriceFor(decimal chargeableWeightKg, decimal weightStepKg)
    {
        var band = Bands.FirstOrDefault(b => chargeableWeightKg <= b.UpToKg);
        if (band is not null)
        {
            return band.Price;
        }

        var last = Bands[^1];
        if (PricePerStepAboveLastBand is not { } perStep)
        {
            return null;
        }

        var steps = decimal.Ceiling((chargeableWeightKg - last.UpToKg) / weightStepKg);
        return checked(last.Price + (steps * perStep));
    }
}

/// <summary>One row of a rate card: the price for any chargeable weight up to <see cref="UpToKg"/> (inclusive) that a
/// lighter band does not cover.</summary>
public sealed record WeightBand(decimal UpToKg, decimal Price);
