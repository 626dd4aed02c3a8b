using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Fx;

/// <summary>The rates in reference data files (by default the sample files embedded in the domain), loaded and
/// validated once, on first use, because they do not change while the process runs. As the sandbox's source
/// (<c>sample: true</c>) they are quoted whatever their date and every quote says it is a sample.</summary>
public sealed class ReferenceDataFxRateSource : IFxRateSource
{
    private readonly Lazy<ExchangeRateSet> rates;

    public ReferenceDataFxRateSource(IReferenceDataSource files, bool sample = false)
    {
        ArgumentNullException.ThrowIfNull(files);
        rates = new Lazy<ExchangeRateSet>(() => ExchangeRateSetLoader.Load(files, sample));
    }

    public ExchangeRateSet GetCurrentRates() => rates.Value;
}
