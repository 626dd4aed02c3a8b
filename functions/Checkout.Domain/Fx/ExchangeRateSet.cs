using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Fx;

/// <summary>
/// An immutable snapshot of mid rates against the euro, each with its own date and source (the ECB file plus
/// supplementary central-bank rates). Cross rates go through the euro in full decimal precision:
/// <c>rate(A→B) = unitsPerEuro(B) / unitsPerEuro(A)</c>; nothing is rounded until an amount is converted.
/// </summary>
public sealed class ExchangeRateSet
{
    private readonly FrozenDictionary<CurrencyCode, EuroRate> rates;

    /// <param name="rates">Rates for every currency except the euro itself, which is the base (1) by definition.</param>
    /// <param name="isSample">Invented sample rates (the sandbox's): quoted whatever their age, and every quote says so.</param>
    public ExchangeRateSet(IEnumerable<EuroRate> rates, bool isSample = false)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var list = rates.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A rate set needs at least one rate.", nameof(rates));
        }

        foreach (var rate in list)
        {
            if (rate.UnitsPerEuro <= 0m || rate.Currency == CurrencyCode.Eur || string.IsNullOrWhiteSpace(rate.Source))
            {
                throw new ArgumentException($"Invalid rate {rate}: positive, non-euro and sourced rates only.", nameof(rates));
            }
        }

        // Duplicates are a broken invariant here; the loader reports them as data errors before we get this far.
        this.rates = list.ToFrozenDictionary(r => r.Currency);
        AsOf = list.Min(r => r.AsOf);
        IsSample = isSample;
    }

    /// <summary>Sample rates for a sandbox, not published ones: never too old to quote, and never real money.</summary>
    public bool IsSample { get; }

    /// <summary>Every stored rate, in no particular order (the euro has none).</summary>
    public IReadOnlyCollection<EuroRate> Rates => rates.Values;

    /// <summary>The oldest date among the rates: the conservative age of the set as a whole.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The currencies that have a rate, the euro included.</summary>
    public IReadOnlyCollection<CurrencyCode> Currencies => [CurrencyCode.Eur, .. rates.Keys];

    public bool Contains(CurrencyCode currency) => currency == CurrencyCode.Eur || rates.ContainsKey(currency);

    /// <summary>The stored rate for a currency; the euro has none (it is the base).</summary>
    public bool TryGetEuroRate(CurrencyCode currency, [NotNullWhen(true)] out EuroRate? rate) =>
        rates.TryGetValue(currency, out rate);

    /// <summary>Units of <paramref name="to"/> per unit of <paramref name="from"/>, at mid (no spread).</summary>
    public bool TryGetMidRate(CurrencyCode from, CurrencyCode to, out decimal rate)
    {
        rate = 0m;
        if (!TryGetUnitsPerEuro(from, out var fromPerEuro) || !TryGetUnitsPerEuro(to, out var toPerEuro))
        {
            return false;
        }

        rate = from == to ? 1m : toPerEuro / fromPerEuro;
        return true;
    }

    /// <summary>As <see cref="TryGetMidRate"/>, for callers that have already checked both currencies are present.</summary>
    public decimal GetMidRate(CurrencyCode from, CurrencyCode to) =>
        TryGetMidRate(from, to, out var rate)
            ? rate
            : throw new InvalidOperationException($"No rate for {from}→{to}; check Contains or use TryGetMidRate.");

    private bool TryGetUnitsPerEuro(CurrencyCode currency, out decimal unitsPerEuro)
    {
        if (currency == CurrencyCode.Eur)
        {
            unitsPerEuro = 1m;
            return true;
        }

        unitsPerEuro = rates.TryGetValue(currency, out var rate) ? rate.UnitsPerEuro : 0m;
        return unitsPerEuro > 0m;
    }
}
