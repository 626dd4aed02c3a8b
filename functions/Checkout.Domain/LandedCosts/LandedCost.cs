using Checkout.Domain.Carts;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.LandedCosts;

/// <summary>
/// What the buyer pays in total to receive the cart, itemized, in the presentment currency. Every total is the exact
/// sum of its rounded lines, so what is shown, charged and refunded always adds up.
/// </summary>
public sealed record LandedCost
{
    /// <param name="notes">What the buyer or merchant should know about the figures, e.g. that a limit could not be checked.</param>
    /// <param name="annualSpend">What the order adds to the buyer's total under the destination's annual limit (China
    /// CBEC: the transaction value in CNY), or null where no annual limit applies.</param>
    public LandedCost(
        CurrencyCode currency, Incoterm incoterm, IReadOnlyList<LandedCostLine> lines, IReadOnlyList<string>? notes = null, Money? annualSpend = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Any(l => l.Amount.Currency != currency || l.Amount.RoundToMinorUnits() != l.Amount))
        {
            throw new ArgumentException($"Every line must be in {currency}, rounded to its minor unit.", nameof(lines));
        }

        Currency = currency;
        Incoterm = incoterm;
        Lines = lines;
        Notes = notes ?? [];
        AnnualSpend = annualSpend;
    }

    public CurrencyCode Currency { get; }

    public Incoterm Incoterm { get; }

    public IReadOnlyList<LandedCostLine> Lines { get; }

    public IReadOnlyList<string> Notes { get; }

    /// <summary>What this order counts toward the buyer's annual limit, in the destination's currency; null where none applies.</summary>
    public Money? AnnualSpend { get; }

    public Money Goods => Sum(LandedCostLineKind.Goods);

    public Money Shipping => Sum(LandedCostLineKind.Shipping);

    public Money Insurance => Sum(LandedCostLineKind.Insurance);

    public Money Duty => Sum(LandedCostLineKind.Duty);

    public Money Tax => Sum(LandedCostLineKind.Tax);

    public Money Fees => Sum(LandedCostLineKind.Fee);

    /// <summary>Goods + shipping + insurance + duty + tax + fees: everything the buyer ends up paying.</summary>
    public Money Total => SumWhere(_ => true);

    /// <summary>What the checkout charges now. Under DAP the import charges are left for the buyer to pay on
    /// delivery; point-of-sale taxes (EU IOSS, UK, AU, SG, China CBEC) are always charged here, because the seller
    /// must collect them at sale whatever the Incoterm.</summary>
    public Money AmountDueAtCheckout => SumWhere(l => l.CollectedAt == CollectionPoint.AtCheckout);

    /// <summary>Collected outside the checkout: on delivery or by the buyer's payment provider.</summary>
    public Money AmountDueElsewhere => SumWhere(l => l.CollectedAt != CollectionPoint.AtCheckout);

    /// <summary>True when some non-zero amount is not charged at checkout and so can only be estimated: the customs
    /// office or the buyer's bank assesses it later. A DAP cart whose taxes are all collected at sale (or that owes
    /// nothing at import) is not an estimate.</summary>
    public bool HasAmountsAssessedLater => Lines.Any(l => l.CollectedAt != CollectionPoint.AtCheckout && !l.Amount.IsZero);

    /// <summary>True when any amount rests on an illustrative rate rather than the authoritative tariff line.</summary>
    public bool HasIllustrativeAmounts => Lines.Any(l => l.Rule.IsIllustrative && !l.Amount.IsZero);

    private Money Sum(LandedCostLineKind kind) => SumWhere(l => l.Kind == kind);

    private Money SumWhere(Func<LandedCostLine, bool> predicate) =>
        Lines.Where(predicate).Aggregate(Money.Zero(Currency), (sum, line) => sum + line.Amount);
}
