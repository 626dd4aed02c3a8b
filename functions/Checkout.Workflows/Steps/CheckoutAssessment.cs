using Checkout.Domain.Monetary;
using Checkout.Domain.Workflow;

namespace Checkout.Workflows.Steps;

/// <summary>
/// The rules' whole judgement of a checkout in one pass: the FX quote, then the customs and logistics checks (judged on
/// the same quoted state, as the orchestration's fan-out judged them, and applied in that order), then the landed cost;
/// each result is applied with the domain's <see cref="CheckoutStateMachine"/> to learn the next rule to run. None of
/// these steps has an effect outside, so one activity does them all instead of one activity each: every activity costs
/// the engine about a dozen storage operations (queue messages, history appends, instance row updates).
/// </summary>
public static class CheckoutAssessment
{
    /// <summary>Every event from <paramref name="quote"/> up to the first command that is not a rule evaluation (the
    /// wait for the buyer) or the end of the checkout (a rejection). Each event answers one command, in the order the
    /// state machine issued them, which is how the orchestration replays them.</summary>
    /// <param name="yearToDate">The buyer's year-to-date spend against an annual limit, where known (China CBEC).</param>
    public static IReadOnlyList<CheckoutEvent> Run(ICheckoutRules rules, CheckoutState state, RequestFxQuote quote, TimeProvider clock, Money? yearToDate = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(clock);
        var events = new List<CheckoutEvent>();
        var pending = new Queue<CheckoutCommand>([quote]);
        while (pending.TryPeek(out var next) && next.IsRuleEvaluation)
        {
            var judgedOn = state;
            var batch = new List<CheckoutEvent>();
            do
            {
                batch.Add(Evaluate(rules, judgedOn, pending.Dequeue(), clock.GetUtcNow(), yearToDate));
            }
            while (next is CheckCustoms or PlanLogistics && pending.TryPeek(out var check) && check is CheckCustoms or PlanLogistics);

            foreach (var @event in batch)
            {
                events.Add(@event);
                var decision = CheckoutStateMachine.Decide(state, @event);
                if (decision.Outcome != DecisionOutcome.Applied)
                {
                    continue;
                }

                state = decision.State;
                if (state.Phase.IsTerminal())
                {
                    return events;
                }

                foreach (var command in decision.Commands)
                {
                    pending.Enqueue(command);
                }
            }
        }

        return events;
    }

    private static CheckoutEvent Evaluate(ICheckoutRules rules, CheckoutState state, CheckoutCommand command, DateTimeOffset now, Money? yearToDate) => command switch
    {
        RequestFxQuote q => rules.QuoteFx(state, q.QuoteId, now),
        CheckCustoms => rules.ScreenCustoms(state, now),
        PlanLogistics => rules.PlanLogistics(state, now),
        PriceLandedCost => rules.PriceLandedCost(state, now, yearToDate),
        _ => throw new InvalidOperationException($"{command.GetType().Name} is not a rule evaluation."),
    };
}
