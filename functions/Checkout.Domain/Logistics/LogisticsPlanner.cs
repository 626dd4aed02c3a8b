using Checkout.Domain.Carts;
using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;
using Checkout.Domain.ReferenceData;
using Checkout.Domain.Sanctions;

namespace Checkout.Domain.Logistics;

/// <summary>
/// Plans how to ship a cart, in this order: sanctions screening of the destination (so the workflow needs no separate
/// call, though <see cref="SanctionsScreener"/> is public too), the postal-code format, coverage of the corridor,
/// dangerous goods, then parcel limits and price per carrier service. All lines go in one parcel
/// (<see cref="Parcel.Pack"/>).
/// </summary>
public sealed class LogisticsPlanner
{
    // When no service can take the parcel, the reason reported is the first of these that any service gave: a
    // dangerous-goods refusal cannot be fixed by repacking, an overweight parcel needs splitting, a bulky one only
    // a different box.
    private static readonly string[] ExclusionPrecedence =
        [LogisticsCodes.DangerousGoodsRefused, LogisticsCodes.ParcelTooHeavy, LogisticsCodes.ParcelTooLarge];

    private static readonly Lazy<LogisticsPlanner> Embedded = new(() => Load(EmbeddedReferenceData.Instance));

    private readonly CarrierCatalog carriers;
    private readonly DangerousGoodsRules dangerousGoods;
    private readonly PostalCodeFormats postalCodes;
    private readonly SanctionsScreener sanctions;

    public LogisticsPlanner(
        CarrierCatalog carriers, DangerousGoodsRules dangerousGoods, PostalCodeFormats postalCodes, SanctionsScreener sanctions)
    {
        this.carriers = carriers ?? throw new ArgumentNullException(nameof(carriers));
        this.dangerousGoods = dangerousGoods ?? throw new ArgumentNullException(nameof(dangerousGoods));
        this.postalCodes = postalCodes ?? throw new ArgumentNullException(nameof(postalCodes));
        this.sanctions = sanctions ?? throw new ArgumentNullException(nameof(sanctions));
    }

    /// <summary>The planner over the reference data shipped with this assembly.</summary>
    public static LogisticsPlanner Default => Embedded.Value;

    public CarrierCatalog Carriers => carriers;

    /// <summary>Loads and validates carriers, dangerous goods, postal-code formats and sanctions lists.</summary>
    public static LogisticsPlanner Load(IReferenceDataSource source) => new(
        CarrierCatalog.Load(source), DangerousGoodsRules.Load(source), PostalCodeFormats.Load(source), SanctionsScreener.Load(source));

    /// <summary>The rate-card currencies of every service shipping from <paramref name="origin"/>, so the workflow
    /// can ask the FX quote for those legs up front.</summary>
    public IReadOnlySet<CurrencyCode> RateCardCurrencies(CountryCode origin) => carriers.RateCardCurrencies(origin);

    /// <param name="toComparable">Converts a rate-card cost into one common currency (the presentment currency, with
    /// the locked FX quote) so that options priced in different currencies can be ranked. May be null only when every
    /// option is priced in the same currency; otherwise ranking throws <see cref="InvalidOperationException"/>.</param>
    public LogisticsAssessment Plan(Cart cart, DateOnly day, Converter<Money, Money>? toComparable = null)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (sanctions.Screen(cart.Destination, day) is SanctionsBlocked blocked)
        {
            return new LogisticsRejected(blocked.Code, blocked.Detail, [], blocked);
        }

        var postal = postalCodes.Validate(cart.Destination.Country, cart.Destination.PostalCode, day);
        if (!postal.IsAcceptable)
        {
            return new LogisticsRejected(LogisticsCodes.InvalidPostalCode, postal.Describe(), []);
        }

        return PlanServices(cart, day, toComparable);
    }

    private LogisticsAssessment PlanServices(Cart cart, DateOnly day, Converter<Money, Money>? toComparable)
    {
        var serving = ServingServices(cart.ShipFrom.Country, cart.Destination.Country, day);
        if (serving.Count == 0)
        {
            return new LogisticsRejected(
                LogisticsCodes.DestinationNotServed, $"no carrier service on file ships from {cart.ShipFrom.Country} to {cart.Destination.Country}", []);
        }

        var (goods, unknown) = DangerousGoodsIn(cart, day);
        if (unknown is not null)
        {
            return new LogisticsRejected(LogisticsCodes.DangerousGoodsRefused, $"dangerous goods '{unknown}' are not on the list checkout ships", []);
        }

        var parcel = Parcel.Pack(cart.Lines);
        var assessed = serving.Select(s => ServiceAssessor.Assess(s.Service, s.Zone, parcel, goods)).ToList();
        var options = assessed.Where(a => a.Option is not null).Select(a => a.Option!).ToList();
        var exclusions = assessed.Where(a => a.Exclusion is not null).Select(a => a.Exclusion!).ToList();
        if (options.Count == 0)
        {
            return Reject(exclusions);
        }

        var ranked = ShippingOptionRanking.Rank(options, cart.ShippingPreference, toComparable);
        return new ShippingAvailable(ranked, ranked[0]);
    }

    // International services only: a domestic cart is not served even by a service whose zones list the origin.
    private List<(CarrierService Service, ShippingZone Zone)> ServingServices(CountryCode origin, CountryCode destination, DateOnly day) =>
        origin == destination
            ? []
            : carriers.ServicesFrom(origin, day)
                .Select(s => (Service: s, Zone: s.ZoneFor(destination)))
                .Where(s => s.Zone is not null)
                .Select(s => (s.Service, s.Zone!))
                .ToList();

    /// <returns>The distinct rules for the UN numbers in the cart, ordinal by UN number, or the first designation
    /// that is not on file.</returns>
    private (IReadOnlyList<DangerousGoodsRule> Goods, string? Unknown) DangerousGoodsIn(Cart cart, DateOnly day)
    {
        var goods = new SortedDictionary<string, DangerousGoodsRule>(StringComparer.Ordinal);
        foreach (var designation in cart.Lines.Select(l => l.DangerousGoods).Where(d => !string.IsNullOrWhiteSpace(d)))
        {
            var un = DangerousGoodsRules.Normalize(designation!);
            var rule = un is null ? null : dangerousGoods.Find(un, day);
            if (rule is null)
            {
                return ([], designation);
            }

            goods[rule.UnNumber] = rule;
        }

        return ([.. goods.Values], null);
    }

    private static LogisticsRejected Reject(IReadOnlyList<ServiceExclusion> exclusions)
    {
        var code = ExclusionPrecedence.First(c => exclusions.Any(e => e.Code == c));
        var details = exclusions.Where(e => e.Code == code).Select(e => $"{e.Carrier} {e.Service}: {e.Detail}");
        return new LogisticsRejected(code, string.Join("; ", details), exclusions);
    }
}
