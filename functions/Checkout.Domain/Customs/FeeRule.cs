using Checkout.Domain.LandedCosts;

namespace Checkout.Domain.Customs;

/// <summary>A charge that is neither duty nor tax in customs terms but lands on the buyer: a percentage of the goods
/// value, collected as <see cref="Collection"/> says (e.g. Pakistan's 5% digital presence proceeds tax, collected by
/// the buyer's bank, never by the checkout).</summary>
public sealed record FeeRule(RuleProvenance Rule, string Description, decimal RateOfGoods, CollectionPoint Collection);
