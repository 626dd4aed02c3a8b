using Checkout.Domain.LandedCosts;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Customs;

/// <summary>What every customs reference-data entry carries: a unique id, when it applies and the public source that
/// justifies it. <see cref="IsIllustrative"/> marks placeholder figures (duty rates by HS chapter) that stand in for
/// the authoritative tariff line.</summary>
/// <param name="Note">Why the entry reads its source the way it does, or what is uncertain about it.</param>
public sealed record RuleProvenance(string Id, EffectivePeriod Period, string SourceUrl, bool IsIllustrative, string? Note)
{
    public bool AppliesOn(DateOnly day) => Period.Contains(day);

    public RuleReference ToReference() => new(Id, Period.From, SourceUrl, IsIllustrative);
}
