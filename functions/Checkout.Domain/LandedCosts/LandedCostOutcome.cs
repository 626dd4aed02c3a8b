namespace Checkout.Domain.LandedCosts;

/// <summary>The outcome of <see cref="LandedCostCalculator.TryCalculate"/>: <see cref="LandedCostCalculated"/> or
/// <see cref="LandedCostRejected"/>. Expected outcomes, not exceptions.</summary>
public abstract record LandedCostOutcome;

public sealed record LandedCostCalculated(LandedCost LandedCost) : LandedCostOutcome;

/// <param name="Code">One of <see cref="Customs.CustomsCodes"/> or <see cref="LandedCostCodes"/>.</param>
public sealed record LandedCostRejected(string Code, string Detail) : LandedCostOutcome;

/// <summary>Reason codes for carts that customs admits but that cannot be priced with the inputs given.</summary>
public static class LandedCostCodes
{
    /// <summary>The FX quote has no leg for a price, shipping or insurance currency of the cart.</summary>
    public const string CurrencyNotQuoted = "landed_cost.currency_not_quoted";

    /// <summary>The rate set has no mid rate for a currency needed to measure a threshold.</summary>
    public const string ReferenceRateMissing = "landed_cost.reference_rate_missing";
}
