using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Fx;

/// <summary>The rates in reference data files (by default the sample files embedded in the domain), loaded and
/// validated once, on first use, because they do not change while the process runs.</summary>
public sealed class ReferenceDataFxRateSource : IFxRateSource
{
    private readonly Lazy<ExchangeRateSet> rates;

    public ReferenceDataFxRateSource(IReferenceDataSource files)
    {
        ArgumentNullException.ThrowIfNull(files);
        rates = new Lazy<ExchangeRateSet>(() => ExchangeRateSetLoader.Load(files));
    }

    public ExchangeRateSet GetCurrentRates() => rates.Value;
}
