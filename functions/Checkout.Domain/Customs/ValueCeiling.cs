namespace Checkout.Domain.Customs;

/// <summary>The upper bound of a value band, in the destination's currency, exactly as the rule text words it:
/// "up to / not exceeding" is inclusive (≤), "less than / below" is exclusive (&lt;). No amount means unbounded.</summary>
public readonly record struct ValueCeiling(decimal? Amount, bool Inclusive)
{
    public static ValueCeiling Unbounded => new(null, true);

    public bool Admits(decimal value) => Amount is not { } limit || (Inclusive ? value <= limit : value < limit);

    public override string ToString() => Amount is { } limit ? (Inclusive ? $"≤ {limit}" : $"< {limit}") : "any value";
}
