using System.ComponentModel;
using Checkout.Domain.Monetary;

namespace Checkout.Functions.Api.Contracts;

/// <summary>What the buyer pays, itemized; every figure in minor units of <see cref="Currency"/>.</summary>
[Description("The landed cost in the presentment currency, itemized with the rule and source behind each line.")]
internal sealed record LandedCostView(
    string Currency,
    [property: Description("DDP or DAP.")] string Incoterm,
    MoneyAmount Goods,
    MoneyAmount Shipping,
    MoneyAmount Insurance,
    MoneyAmount Duty,
    MoneyAmount Tax,
    MoneyAmount Fees,
    MoneyAmount Total,
    [property: Description("The part of the total charged at checkout; the rest is collected on delivery or by the payment provider.")]
    MoneyAmount AmountDueAtCheckout,
    [property: Description("Collected on delivery or by the buyer's payment provider (import charges under DAP) and assessed there: an estimate even once confirmed.")]
    MoneyAmount AmountDueElsewhere,
    [property: Description("True while the landed cost is a quote (an estimate, or a checkout not yet confirmed: the quote can still expire and be requoted); false once the buyer confirmed it and amountDueAtCheckout is what is charged.")]
    bool IsEstimate,
    IReadOnlyList<LandedCostLineView> Lines,
    IReadOnlyList<string> Notes);
