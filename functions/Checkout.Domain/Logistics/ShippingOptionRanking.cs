using Checkout.Domain.Carts;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Logistics;

/// <summary>Orders shipping options by the buyer's preference, deterministically: cheapest is lowest cost, then
/// lowest maximum transit days; fastest is lowest maximum transit days, then lowest cost. Remaining ties fall to the
/// lower minimum transit days, then carrier and service names (ordinal).</summary>
internal static class ShippingOptionRanking
{
    public static IReadOnlyList<ShippingOption> Rank(
        IReadOnlyList<ShippingOption> options, ShippingPreference preference, Converter<Money, Money>? toComparable)
    {
        var costs = options.ToDictionary(o => o, o => toComparable is null ? o.Cost : toComparable(o.Cost));
        var currencies = costs.Values.Select(c => c.Currency).Distinct().ToList();
        if (currencies.Count > 1)
        {
            throw new InvalidOperationException(
                $"Shipping options are priced in {string.Join(", ", currencies)}; pass a converter to one currency (the FX quote) to rank them.");
        }

        var ordered = preference == ShippingPreference.Fastest
            ? options.OrderBy(o => o.TransitDaysMax).ThenBy(o => costs[o].Amount)
            : options.OrderBy(o => costs[o].Amount).ThenBy(o => o.TransitDaysMax);
        return ordered
            .ThenBy(o => o.TransitDaysMin)
            .ThenBy(o => o.Carrier, StringComparer.Ordinal)
            .ThenBy(o => o.Service, StringComparer.Ordinal)
            .ToList();
    }
}
