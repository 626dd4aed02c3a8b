using System.Collections.Frozen;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Fx;

/// <summary>
/// The margin we add to the mid rate, in basis points (1 bp = 0.01 %), decided per conversion direction:
/// <list type="number">
/// <item>no spread when nothing is converted (same currency);</item>
/// <item>a corridor's spread when one is configured for exactly this direction;</item>
/// <item>otherwise the dearer of the two currencies' groups (a pair mixing a major and an exotic is priced as an
/// exotic, as Stripe prices a pair mixing its FX groups), a currency in no group counting as the default.</item>
/// </list>
/// </summary>
public sealed class FxSpreadPolicy
{
    /// <summary>10 %: far above any sane FX margin, so a larger figure is a typo in the configuration.</summary>
    public const int MaxSpreadBps = 1000;

    private readonly int defaultBps;
    private readonly FrozenDictionary<CurrencyCode, int> groupBpsByCurrency;
    private readonly FrozenDictionary<(CurrencyCode From, CurrencyCode To), int> corridorBps;

    public FxSpreadPolicy(int defaultSpreadBps, IEnumerable<FxSpreadGroup> groups, IEnumerable<FxSpreadCorridor> corridors)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(corridors);
        defaultBps = EnsureSpread(defaultSpreadBps, "default");
        groupBpsByCurrency = groups
            .SelectMany(g => g.Currencies.Select(c => (Currency: c, Bps: EnsureSpread(g.SpreadBps, g.Name))))
            .ToFrozenDictionary(x => x.Currency, x => x.Bps); // throws on a currency in two groups: ambiguous price
        corridorBps = corridors
            .Select(c => c.From != c.To ? c : throw new ArgumentException($"Corridor {c.From}→{c.To} converts nothing."))
            .ToFrozenDictionary(c => (c.From, c.To), c => EnsureSpread(c.SpreadBps, $"{c.From}→{c.To}"));
    }

    /// <summary>A single spread for everything: handy for tests and sandboxes.</summary>
    public static FxSpreadPolicy Flat(int spreadBps) => new(spreadBps, [], []);

    public int DefaultSpreadBps => defaultBps;

    public int SpreadBpsFor(CurrencyCode from, CurrencyCode to)
    {
        if (from == to)
        {
            return 0;
        }

        return corridorBps.TryGetValue((from, to), out var corridor)
            ? corridor
            : Math.Max(GroupBps(from), GroupBps(to));
    }

    private int GroupBps(CurrencyCode currency) => groupBpsByCurrency.GetValueOrDefault(currency, defaultBps);

    private static int EnsureSpread(int bps, string what) =>
        bps is >= 0 and <= MaxSpreadBps
            ? bps
            : throw new ArgumentOutOfRangeException(nameof(bps), bps, $"Spread for {what} must be 0..{MaxSpreadBps} bps.");
}
