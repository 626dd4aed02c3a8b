namespace Checkout.Domain.Monetary;

/// <summary>A currency with its ISO 4217 minor unit: the number of decimal places in which it is settled.</summary>
public sealed record Currency(CurrencyCode Code, int MinorUnits, string Name)
{
    /// <summary>The smallest representable amount, e.g. 0.01 for USD, 1 for JPY, 0.001 for KWD.</summary>
    public decimal MinorUnitSize => MinorUnits switch
    {
        0 => 1m,
        1 => 0.1m,
        2 => 0.01m,
        3 => 0.001m,
        4 => 0.0001m,
        _ => throw new InvalidOperationException($"Unsupported minor unit count {MinorUnits} for {Code}."),
    };
}
