using Checkout.Domain.Fx;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Ledger;

/// <summary>
/// Converts the merchant's net proceeds from the presentment currency into the settlement currency. The quote's rates
/// are settlement units → presentment units with the client rate moved against the merchant, so dividing by it gives
/// the merchant fewer settlement units than dividing by the mid rate; the difference is the platform's FX spread.
/// </summary>
public static class SettlementConversion
{
    public static (Money AtMid, Money ToMerchant) Convert(Money net, CurrencyCode settlement, FxQuote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        if (quote.TargetCurrency != net.Currency || !quote.Covers(settlement))
        {
            throw new ArgumentException($"Quote {quote.Id} does not convert {settlement} into {net.Currency}.", nameof(quote));
        }

        var leg = quote.LegFor(settlement);
        var atMid = new Money(checked(net.Amount / leg.MidRate), settlement).RoundToMinorUnits();
        var toMerchant = new Money(checked(net.Amount / leg.ClientRate), settlement).RoundToMinorUnits();
        return (atMid, toMerchant);
    }
}
