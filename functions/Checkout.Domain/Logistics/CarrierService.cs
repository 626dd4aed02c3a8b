using Checkout.Domain.Customs;
using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Logistics;

/// <summary>One service of a carrier, from a file in <c>ReferenceData/logistics/carriers/</c>.</summary>
/// <param name="Currency">The rate-card currency: every price of the carrier is in it.</param>
/// <param name="Origins">Countries the service ships from.</param>
/// <param name="VolumetricDivisor">cm³ per kg: 5,000 for express integrators, 6,000 for postal and economy services;
/// null for services charged on actual weight only (letter-post small packets).</param>
/// <param name="WeightStepKg">The chargeable weight is rounded up to a multiple of this (0.5 kg for express).</param>
/// <param name="Channel">How parcels enter the destination: handed to the destination post, or cleared by a courier.
/// </param>
/// <param name="IsIllustrative">True when the prices are illustrative rather than a carrier's tariff.</param>
public sealed record CarrierService(
    string Carrier,
    string Service,
    CurrencyCode Currency,
    IReadOnlySet<CountryCode> Origins,
    RouteType RouteType,
    ShippingChannel Channel,
    int? VolumetricDivisor,
    decimal WeightStepKg,
    ParcelLimits Limits,
    IReadOnlyList<ShippingZone> Zones,
    EffectivePeriod Period,
    Uri Source,
    bool IsIllustrative)
{
    public ShippingZone? ZoneFor(CountryCode destination) => Zones.FirstOrDefault(z => z.Countries.Contains(destination));

    public ParcelLimits LimitsFor(ShippingZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.Limits ?? Limits;
    }

    /// <summary>max(actual, volumetric), rounded up to the weight step, and never less than one step (the minimum
    /// any carrier charges).</summary>
    public decimal ChargeableWeightKg(Parcel parcel)
    {
        ArgumentNullException.ThrowIfNull(parcel);
        var heavier = VolumetricDivisor is { } divisor ? Math.Max(parcel.WeightKg, parcel.VolumetricWeightKg(divisor)) : parcel.WeightKg;
        return Math.Max(WeightStepKg, decimal.Ceiling(heavier / WeightStepKg) * WeightStepKg);
    }
}
