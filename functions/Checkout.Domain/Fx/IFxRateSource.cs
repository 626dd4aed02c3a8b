namespace Checkout.Domain.Fx;

/// <summary>
/// Where the current reference rates come from. Synchronous on purpose: the domain stays free of I/O, so an adapter
/// that fetches rates over the network refreshes them outside the domain and hands back the last good snapshot here.
/// The default is <see cref="ReferenceDataFxRateSource"/>, the rate files shipped with the domain.
/// </summary>
public interface IFxRateSource
{
    ExchangeRateSet GetCurrentRates();
}
