using Checkout.Domain.Monetary;

namespace Checkout.Domain.Fx;

/// <summary>
/// A rate feed's answer in the widely used <c>latest.json</c> shape: units of each currency per one unit of
/// <see cref="Base"/>, fixed at <see cref="Timestamp"/>. Only currencies this product supports are kept.
/// </summary>
public sealed record FeedRates(CurrencyCode Base, DateTimeOffset Timestamp, IReadOnlyDictionary<CurrencyCode, decimal> UnitsPerBase);
