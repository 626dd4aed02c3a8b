using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Logistics;

/// <summary>How checkout treats one UN number, from <c>ReferenceData/logistics/dangerous-goods.json</c>.</summary>
/// <param name="UnNumber">E.g. <c>UN3480</c>.</param>
/// <param name="CargoAircraftOnly">IATA forbids it on passenger aircraft, so passenger and postal routes refuse it.</param>
public sealed record DangerousGoodsRule(
    string UnNumber,
    string Description,
    string PackingInstruction,
    bool CargoAircraftOnly,
    EffectivePeriod Period,
    Uri Source);
