using Checkout.Domain.Carts;
using Checkout.Domain.Fx;
using Checkout.Domain.Geography;
using Checkout.Domain.LandedCosts;
using Checkout.Domain.Logistics;
using Checkout.Domain.Monetary;
using Checkout.Domain.Workflow;

namespace Checkout.Domain.Tests.Workflow;

/// <summary>Builds checkouts in each phase the way the workflow would have got them there.</summary>
internal static class CheckoutStates
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly CurrencyCode Pkr = new("PKR");
    private static readonly CurrencyCode Cny = new("CNY");

    public static CheckoutState New() => new()
    {
        Id = "co-1",
        MerchantId = "m-1",
        MerchantReference = "order-1001",
        PaymentToken = "tok_sandbox_success",
        CreatedAt = T0,
        UpdatedAt = T0,
        Cart = new Cart(
            Pkr,
            Incoterm.Ddp,
            new Address(new CountryCode("PK"), "54000"),
            new Address(new CountryCode("CN"), "518000"),
            [new CartLine("TS-1", "Cotton T-shirt", "610910", new CountryCode("CN"), Money.FromMinorUnits(1250, Cny), 2, 200, new ParcelDimensionsCm(30, 20, 3), null)],
            ShippingPreference.Cheapest),
    };

    public static FxQuote Quote(string id, DateTimeOffset createdAt) =>
        new(id, Pkr, [FxQuoteLeg.WithSpread(Cny, 39.5m, 200)], createdAt, createdAt.AddMinutes(15), DateOnly.FromDateTime(createdAt.UtcDateTime), "test");

    public static ShippingOption Shipping() =>
        new("ChinaPost", "ePacket", Money.FromMinorUnits(4500, Cny), 7, 12, 0.5m, []);

    public static LandedCost Cost() => new(Pkr, Incoterm.Ddp, [
        new LandedCostLine(LandedCostLineKind.Goods, "goods", Money.FromMinorUnits(1_000_000, Pkr), new RuleReference("goods", new DateOnly(2026, 1, 1), "https://example.test"), CollectionPoint.AtCheckout),
        new LandedCostLine(LandedCostLineKind.Tax, "sales tax", Money.FromMinorUnits(180_000, Pkr), new RuleReference("pk.gst", new DateOnly(2026, 1, 1), "https://example.test"), CollectionPoint.AtCheckout),
    ]);

    /// <summary>Runs events through the state machine, failing if any is not applied.</summary>
    public static CheckoutState Through(CheckoutState state, params CheckoutEvent[] events)
    {
        foreach (var e in events)
        {
            var decision = CheckoutStateMachine.Decide(state, e);
            Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
            state = decision.State;
        }

        return state;
    }

    public static CheckoutState Quoting() => Through(New(), new CheckoutStarted(T0));

    public static CheckoutState Checking() => Through(Quoting(), new FxQuoted(Quote("co-1-q1", T0), T0));

    public static CheckoutState Pricing() => Through(Checking(), new CustomsScreened(null, [], T0), new LogisticsPlanned(Shipping(), [Shipping()], null, T0));

    public static CheckoutState AwaitingConfirmation() => Through(Pricing(), new LandedCostPriced(Cost(), T0));

    public static CheckoutState Capturing() => Through(AwaitingConfirmation(), new ConfirmRequested("co-1-q1", T0.AddMinutes(1)));

    public static readonly Rejection CardDeclined = new("payment.card_declined", "The card was declined.");

    public static CheckoutState RequiresPaymentMethod() => Through(Capturing(), new PaymentDeclined(CardDeclined, T0.AddMinutes(2)));

    public static CheckoutState PayingOut() => Through(Capturing(), new PaymentCaptured("ch_1", T0.AddMinutes(2)));

    public static CheckoutState Completed() => Through(PayingOut(), new PayoutHandedOff("co-1-payout", T0.AddMinutes(3)));

    public static CheckoutState Refunding() => Through(PayingOut(), new CancelRequested("buyer changed mind", T0.AddMinutes(3)));
}
