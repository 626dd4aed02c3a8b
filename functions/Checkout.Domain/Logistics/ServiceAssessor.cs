using System.Globalization;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Logistics;

/// <summary>Decides whether one carrier service can take the parcel to a destination zone, and at what price.</summary>
internal static class ServiceAssessor
{
    public static ServiceAssessment Assess(
        CarrierService service, ShippingZone zone, Parcel parcel, IReadOnlyList<DangerousGoodsRule> dangerousGoods)
    {
        var refusal = RefuseDangerousGoods(service, dangerousGoods) ?? RefuseSize(service.LimitsFor(zone), parcel);
        if (refusal is { } r)
        {
            return new ServiceAssessment(null, new ServiceExclusion(service.Carrier, service.Service, r.Code, r.Detail));
        }

        var chargeable = service.ChargeableWeightKg(parcel);
        if (zone.PriceFor(chargeable, service.WeightStepKg) is not { } price)
        {
            // Within the weight limit but beyond the rate card: only a bulky parcel's volumetric weight gets here.
            return new ServiceAssessment(null, new ServiceExclusion(service.Carrier, service.Service, LogisticsCodes.ParcelTooLarge, Invariant(
                $"chargeable (volumetric) weight {chargeable} kg is beyond the rate card, which stops at {zone.Bands[^1].UpToKg} kg")));
        }

        var flags = dangerousGoods.Select(g => LogisticsCodes.DangerousGoodsFlagPrefix + g.UnNumber).ToList();
        return new ServiceAssessment(
            new ShippingOption(
                service.Carrier, service.Service, new Money(price, service.Currency).RoundToMinorUnits(),
                zone.TransitDaysMin, zone.TransitDaysMax, chargeable, flags, service.Channel),
            null);
    }

    private static (string Code, string Detail)? RefuseDangerousGoods(CarrierService service, IReadOnlyList<DangerousGoodsRule> goods)
    {
        var cargoOnly = goods.FirstOrDefault(g => g.CargoAircraftOnly);
        return cargoOnly is not null && service.RouteType != RouteType.Cargo
            ? (LogisticsCodes.DangerousGoodsRefused,
                $"{cargoOnly.UnNumber} ({cargoOnly.Description}, {cargoOnly.PackingInstruction}) may fly on cargo aircraft only, and this service uses passenger or postal routes")
            : null;
    }

    private static (string Code, string Detail)? RefuseSize(ParcelLimits limits, Parcel parcel)
    {
        if (parcel.WeightKg > limits.MaxWeightKg)
        {
            return (LogisticsCodes.ParcelTooHeavy, Invariant($"weight {parcel.WeightKg} kg is over the {limits.MaxWeightKg} kg limit"));
        }

        if (parcel.LengthCm > limits.MaxLengthCm)
        {
            return (LogisticsCodes.ParcelTooLarge, Invariant($"length {parcel.LengthCm} cm is over the {limits.MaxLengthCm} cm limit"));
        }

        if (parcel.LengthPlusGirthCm > limits.MaxLengthPlusGirthCm)
        {
            return (LogisticsCodes.ParcelTooLarge, Invariant(
                $"length + girth {parcel.LengthPlusGirthCm} cm is over the {limits.MaxLengthPlusGirthCm} cm limit"));
        }

        return parcel.SumOfSidesCm > limits.MaxSumOfSidesCm
            ? (LogisticsCodes.ParcelTooLarge, Invariant($"length + width + height {parcel.SumOfSidesCm} cm is over the {limits.MaxSumOfSidesCm} cm limit"))
            : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Exactly one of <see cref="Option"/> and <see cref="Exclusion"/> is set.</summary>
internal sealed record ServiceAssessment(ShippingOption? Option, ServiceExclusion? Exclusion);
