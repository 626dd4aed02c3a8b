using Checkout.Domain.Monetary;

namespace Checkout.Domain.Fx;

/// <summary>
/// One reference mid rate in the ECB convention: <c>1 EUR = UnitsPerEuro × Currency</c>. Every rate, whatever its
/// publisher, is stored against the euro so that any pair is one division away (see <see cref="ExchangeRateSet"/>).
/// </summary>
/// <param name="AsOf">The business day the publisher fixed the rate for.</param>
/// <param name="Source">Where the rate comes from (a URL), kept so a quote can say which reference it used.</param>
public sealed record EuroRate(CurrencyCode Currency, decimal UnitsPerEuro, DateOnly AsOf, string Source);
