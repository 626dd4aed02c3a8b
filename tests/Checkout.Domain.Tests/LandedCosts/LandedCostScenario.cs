using Checkout.Domain.LandedCosts;

namespace Checkout.Domain.Tests.LandedCosts;

/// <summary>A named landed-cost case: the request and either the expected figures or the expected rejection code.</summary>
internal sealed record LandedCostScenario(string Name, LandedCostRequest Request, ExpectedLandedCost? Expected, string? ExpectedRejection)
{
    public override string ToString() => Name;
}

/// <summary>Expected figures in the presentment currency; <paramref name="RuleIds"/> are the rules cited by the
/// duty, tax and fee lines (as a set).</summary>
internal sealed record ExpectedLandedCost(
    decimal Goods,
    decimal Shipping,
    decimal Duty,
    decimal Tax,
    decimal Fees,
    decimal Total,
    decimal DueAtCheckout,
    bool HasAmountsAssessedLater,
    IReadOnlyList<string> RuleIds);
