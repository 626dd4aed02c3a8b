using Checkout.Domain.Geography;

namespace Checkout.Domain.Customs;

/// <summary>When a value band applies besides its value: the shipping channel, the place of direct shipment
/// (Canada's CUSMA thresholds) or the origin of any line (the US ended de minimis for China and Hong Kong first).
/// An empty set means "any".</summary>
public sealed record RegimeConditions(
    IReadOnlySet<ShippingChannel> Channels,
    IReadOnlySet<CountryCode> ShipFrom,
    IReadOnlySet<CountryCode> ShipFromExcept,
    IReadOnlySet<CountryCode> OriginsAnyOf)
{
    public bool Match(ShippingChannel channel, CountryCode shipFrom, IEnumerable<CountryCode> origins) =>
        (Channels.Count == 0 || Channels.Contains(channel))
        && (ShipFrom.Count == 0 || ShipFrom.Contains(shipFrom))
        && !ShipFromExcept.Contains(shipFrom)
        && (OriginsAnyOf.Count == 0 || origins.Any(OriginsAnyOf.Contains));
}
