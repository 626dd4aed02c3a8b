namespace Checkout.Domain.Logistics;

/// <summary>The largest parcel a service takes. Each maximum is inclusive: a parcel exactly at the limit is accepted.
/// </summary>
/// <param name="MaxWeightKg">Actual (scale) weight.</param>
/// <param name="MaxLengthCm">Longest side.</param>
/// <param name="MaxLengthPlusGirthCm">Length + 2 × width + 2 × height, when the carrier limits it.</param>
/// <param name="MaxSumOfSidesCm">Length + width + height, the UPU small-packet rule, when the carrier uses it.</param>
public sealed record ParcelLimits(decimal MaxWeightKg, decimal MaxLengthCm, decimal? MaxLengthPlusGirthCm, decimal? MaxSumOfSidesCm);
