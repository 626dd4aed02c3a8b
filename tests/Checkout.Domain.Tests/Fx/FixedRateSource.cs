using Checkout.Domain.Fx;

namespace Checkout.Domain.Tests.Fx;

internal sealed class FixedRateSource(ExchangeRateSet rates) : IFxRateSource
{
    public ExchangeRateSet GetCurrentRates() => rates;
}
