using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Fx;

/// <summary>
/// Builds the rate set from the ECB daily file plus the supplementary file. Every problem (unreadable file, unknown
/// currency, non-positive rate, bad date, a currency rated twice, even across the two files) fails the load with a
/// <see cref="ReferenceDataException"/> naming file, entry and reason: rates are all-or-nothing.
/// </summary>
public static class ExchangeRateSetLoader
{
    public const string EcbDailyPath = "fx/eurofxref-daily.xml";
    public const string SupplementaryPath = "fx/supplementary-rates.json";

    /// <param name="sample">The files hold sample rates (see <see cref="ExchangeRateSet.IsSample"/>).</param>
    public static ExchangeRateSet Load(IReferenceDataSource files, bool sample = false)
    {
        ArgumentNullException.ThrowIfNull(files);
        IReadOnlyList<EuroRate> ecb;
        using (var stream = files.Open(EcbDailyPath))
        {
            ecb = EcbRateParser.Parse(stream, EcbDailyPath);
        }

        IReadOnlyList<EuroRate> supplementary;
        using (var stream = files.Open(SupplementaryPath))
        {
            supplementary = SupplementaryRateParser.Parse(stream, SupplementaryPath);
        }

        EnsureNotRatedTwice(ecb, supplementary);
        return new ExchangeRateSet(ecb.Concat(supplementary), sample);
    }

    /// <summary>The supplementary file exists for what the ECB lacks; a currency in both would leave two truths.</summary>
    private static void EnsureNotRatedTwice(IReadOnlyList<EuroRate> ecb, IReadOnlyList<EuroRate> supplementary)
    {
        var ecbCurrencies = ecb.Select(r => r.Currency).ToHashSet();
        for (var index = 0; index < supplementary.Count; index++)
        {
            var currency = supplementary[index].Currency;
            if (ecbCurrencies.Contains(currency))
            {
                throw new ReferenceDataException(
                    SupplementaryPath, $"rates[{index}] ({currency})", $"{currency} is already rated by {EcbDailyPath}");
            }
        }
    }
}
