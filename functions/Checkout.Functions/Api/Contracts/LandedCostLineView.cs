using System.ComponentModel;
using Checkout.Domain.Monetary;

namespace Checkout.Functions.Api.Contracts;

/// <summary>One line of a landed cost and the rule it comes from.</summary>
internal sealed record LandedCostLineView(
    [property: Description("goods, shipping, insurance, duty, tax or fee.")] string Kind,
    string Description,
    MoneyAmount Amount,
    string? Sku,
    [property: Description("The amount the rate applies to, for duty and tax lines.")] MoneyAmount? Base,
    decimal? Rate,
    [property: Description("at_checkout, on_delivery or by_payment_provider.")] string CollectedAt,
    RuleView Rule,
    RuleView? Regime);
