namespace Checkout.Domain.ReferenceData;

/// <summary>When a reference data entry applies: from <see cref="From"/> (inclusive) until <see cref="To"/> (exclusive),
/// open-ended when <see cref="To"/> is null. Every entry also names the source that justifies it.</summary>
public readonly record struct EffectivePeriod(DateOnly From, DateOnly? To)
{
    public bool Contains(DateOnly day) => day >= From && (To is null || day < To.Value);
}
