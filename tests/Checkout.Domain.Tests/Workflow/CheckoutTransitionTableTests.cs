using Checkout.Domain.Workflow;

namespace Checkout.Domain.Tests.Workflow;

/// <summary>Every event in every phase: what is legal is applied, everything else is ignored or refused and leaves
/// the state exactly as it was.</summary>
public sealed class CheckoutTransitionTableTests
{
    private static readonly DateTimeOffset Later = CheckoutStates.T0.AddMinutes(16);

    public static TheoryData<string, string> AllPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var phase in Phases.Keys)
        {
            foreach (var @event in Events.Keys)
            {
                data.Add(phase, @event);
            }
        }

        return data;
    }

    /// <summary>(phase, event) pairs that change the checkout; every other pair must not.</summary>
    private static readonly HashSet<(string, string)> Legal =
    [
        ("new", "started"), ("quoting", "quoted"), ("quoting", "quote-failed"), ("quoting", "cancel"),
        ("checking", "customs"), ("checking", "logistics"), ("checking", "cancel"), ("checking", "poisoned"),
        ("quoting", "poisoned"), ("new", "cancel"), ("new", "poisoned"),
        ("pricing", "priced"), ("pricing", "priced-refused"), ("pricing", "cancel"), ("pricing", "poisoned"),
        ("awaiting", "confirm"), ("awaiting", "cancel"), ("awaiting", "expiry"), ("awaiting", "poisoned"),
        ("capturing", "captured"), ("capturing", "declined"), ("capturing", "cancel"), ("capturing", "poisoned"),
        ("requires-payment", "retry"), ("requires-payment", "cancel"), ("requires-payment", "expiry"), ("requires-payment", "poisoned"),
        ("paying-out", "payout"), ("paying-out", "cancel"), ("paying-out", "poisoned"),
        ("refunding", "refunded"), ("refunding", "poisoned"),
    ];

    private static readonly Dictionary<string, Func<CheckoutState>> Phases = new()
    {
        ["new"] = CheckoutStates.New,
        ["quoting"] = CheckoutStates.Quoting,
        ["checking"] = CheckoutStates.Checking,
        ["pricing"] = CheckoutStates.Pricing,
        ["awaiting"] = CheckoutStates.AwaitingConfirmation,
        ["capturing"] = CheckoutStates.Capturing,
        ["requires-payment"] = CheckoutStates.RequiresPaymentMethod,
        ["paying-out"] = CheckoutStates.PayingOut,
        ["refunding"] = CheckoutStates.Refunding,
        ["completed"] = CheckoutStates.Completed,
    };

    private static readonly Dictionary<string, CheckoutEvent> Events = new()
    {
        ["started"] = new CheckoutStarted(Later),
        ["quoted"] = new FxQuoted(CheckoutStates.Quote("co-1-q1", CheckoutStates.T0), Later),
        ["quote-failed"] = new FxQuoteFailed(new Rejection("fx.stale_rates", "old"), Later),
        ["customs"] = new CustomsScreened(null, [], Later),
        ["logistics"] = new LogisticsPlanned(CheckoutStates.Shipping(), [CheckoutStates.Shipping()], null, Later),
        ["priced"] = new LandedCostPriced(CheckoutStates.Cost(), Later),
        ["priced-refused"] = new LandedCostRefused(new Rejection("customs.annual_limit_exceeded", "limit"), Later),
        ["confirm"] = new ConfirmRequested("co-1-q1", CheckoutStates.T0.AddMinutes(5)),
        ["cancel"] = new CancelRequested("reason", Later),
        ["expiry"] = new QuoteExpiryDue("co-1-q1", Later),
        ["captured"] = new PaymentCaptured("ch_1", Later),
        ["declined"] = new PaymentDeclined(new Rejection("payment.card_declined", "no"), Later),
        ["retry"] = new PaymentRetryRequested("tok_sandbox_success", 2, CheckoutStates.T0.AddMinutes(5)),
        ["refunded"] = new PaymentRefunded("re_1", Later),
        ["payout"] = new PayoutHandedOff("co-1-payout", Later),
        ["poisoned"] = new StepPoisoned("x", "boom", Later),
    };

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Decide_EveryPhaseAndEvent_AppliesOnlyLegalTransitions(string phase, string @event)
    {
        var state = Phases[phase]();
        var decision = CheckoutStateMachine.Decide(state, Events[@event]);

        if (Legal.Contains((phase, @event)))
        {
            Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
            Assert.Equal(state.Sequence + 1, decision.State.Sequence);
            Assert.Equal(Events[@event].At, decision.State.UpdatedAt);
        }
        else
        {
            Assert.NotEqual(DecisionOutcome.Applied, decision.Outcome);
            Assert.Same(state, decision.State);
            Assert.Empty(decision.Commands);
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Decide_SameEventTwice_SecondChangesNothing(string phase, string @event)
    {
        var once = CheckoutStateMachine.Decide(Phases[phase](), Events[@event]).State;
        var twice = CheckoutStateMachine.Decide(once, Events[@event]);
        Assert.NotEqual(DecisionOutcome.Applied, twice.Outcome);
        Assert.Same(once, twice.State);
    }
}
