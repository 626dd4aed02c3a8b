using Checkout.Domain.Monetary;

namespace Checkout.Domain.Fx;

/// <summary>Currencies priced alike (majors, minors, exotics), with the spread in basis points charged on them.</summary>
public sealed record FxSpreadGroup(string Name, int SpreadBps, IReadOnlyCollection<CurrencyCode> Currencies);
