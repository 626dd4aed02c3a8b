using Checkout.Domain.Carts;
using Checkout.Domain.Customs;
using Checkout.Domain.Geography;
using Checkout.Domain.LandedCosts;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Tests.LandedCosts;

/// <summary>Reads like the scenario it builds: <c>To("GB").From("CN").Presenting("GBP").On("2026-03-01")...</c>.</summary>
internal sealed class ScenarioBuilder(string name)
{
    private readonly List<CartLine> lines = [];
    private readonly Dictionary<string, decimal> clientRates = new(StringComparer.Ordinal);
    private string destination = "GB";
    private string shipFrom = "CN";
    private string presentment = "GBP";
    private Incoterm incoterm = Incoterm.Ddp;
    private DateOnly day = new(2026, 3, 1);
    private Money shipping;
    private Money? insurance;
    private Money? yearToDate;
    private ShippingChannel channel = ShippingChannel.Courier;

    public ScenarioBuilder To(string country) => Set(() => destination = country);

    public ScenarioBuilder From(string country) => Set(() => shipFrom = country);

    public ScenarioBuilder Presenting(string currency) => Set(() => presentment = currency);

    public ScenarioBuilder Dap() => Set(() => incoterm = Incoterm.Dap);

    public ScenarioBuilder On(string isoDay) => Set(() => day = DateOnly.Parse(isoDay, System.Globalization.CultureInfo.InvariantCulture));

    public ScenarioBuilder ByPost() => Set(() => channel = ShippingChannel.Postal);

    public ScenarioBuilder ClientRate(string source, decimal rate) => Set(() => clientRates[source] = rate);

    public ScenarioBuilder Line(string sku, string description, string hs, string origin, decimal unitPrice, string currency, int quantity = 1) =>
        Set(() => lines.Add(new CartLine(
            sku, description, hs, new CountryCode(origin), new Money(unitPrice, new CurrencyCode(currency)), quantity, 500,
            new ParcelDimensionsCm(30m, 20m, 10m), null)));

    public ScenarioBuilder Shipping(decimal amount, string currency) => Set(() => shipping = new Money(amount, new CurrencyCode(currency)));

    public ScenarioBuilder Insurance(decimal amount, string currency) => Set(() => insurance = new Money(amount, new CurrencyCode(currency)));

    public ScenarioBuilder YearToDate(decimal amount, string currency) => Set(() => yearToDate = new Money(amount, new CurrencyCode(currency)));

    public LandedCostScenario Expect(
        decimal goods, decimal shipping, decimal duty, decimal tax, decimal fees, decimal total, decimal due, bool estimate, params string[] rules) =>
        new(name, Request(), new ExpectedLandedCost(goods, shipping, duty, tax, fees, total, due, estimate, rules), null);

    public LandedCostScenario Rejected(string code) => new(name, Request(), null, code);

    private LandedCostRequest Request()
    {
        var target = new CurrencyCode(presentment);
        var cart = new Cart(
            target, incoterm, new Address(new CountryCode(destination), null), new Address(new CountryCode(shipFrom), null),
            lines.ToList(), ShippingPreference.Cheapest);
        var sources = lines.Select(l => l.UnitPrice.Currency).Append(shipping.Currency);
        if (insurance is { } i)
        {
            sources = sources.Append(i.Currency);
        }

        return new LandedCostRequest(cart, day, TestRates.Quote(target, sources, clientRates), TestRates.Mid, shipping, insurance, channel, yearToDate);
    }

    private ScenarioBuilder Set(Action change)
    {
        change();
        return this;
    }
}
