using Checkout.Domain.Workflow;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Webhooks;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Runtime;

/// <summary>
/// Decide, then do: reads a checkout, lets the pure state machine decide, runs inline rules, commits state + history
/// + outbox in one ETag-guarded batch, then dispatches the outbox. A lost ETag race re-reads and re-decides.
/// </summary>
public sealed partial class CheckoutRuntime(
    CheckoutStore store,
    OutboxDispatcher dispatcher,
    CommandRouter router,
    CheckoutEventOutbox events,
    IInlineRules inlineRules,
    WorkflowMetrics metrics,
    TimeProvider clock,
    ILogger<CheckoutRuntime> logger)
{
    private const int MaxConflictRetries = 20;

    public TimeProvider Clock => clock;

    /// <summary>Creates the checkout and starts its workflow; false when a checkout with that id already exists.</summary>
    public async Task<bool> StartAsync(CheckoutState initial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(initial);
        var history = new List<HistoryEntry>();
        var decision = DecideWithInlineRules(initial, new CheckoutStarted(initial.CreatedAt), history);
        var transition = new CheckoutTransition(decision.State, history, Outbox(initial, decision));
        if (!await store.CreateAsync(transition, cancellationToken))
        {
            return false;
        }

        LogStarted(logger, initial.Id, initial.MerchantId);
        await dispatcher.DispatchAsync(initial.Id, transition.Outbox, cancellationToken);
        return true;
    }

    public async Task<ApplyResult> ApplyAsync(string checkoutId, CheckoutEvent @event, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(checkoutId, cancellationToken);
        return stored is null ? new ApplyResult(null) : await ApplyAsync(stored, @event, cancellationToken);
    }

    /// <summary>Applies an event to a checkout already read (saving a read on the common path).</summary>
    public async Task<ApplyResult> ApplyAsync(StoredCheckout stored, CheckoutEvent @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(@event);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CheckoutId"] = stored.State.Id });
        for (var attempt = 1; ; attempt++)
        {
            var history = new List<HistoryEntry>();
            var decision = DecideWithInlineRules(stored.State, @event, history);
            if (decision.Outcome != DecisionOutcome.Applied)
            {
                LogNotApplied(logger, @event.Name, decision.Outcome, stored.State.Phase);
                return new ApplyResult(decision);
            }

            var outbox = Outbox(stored.State, decision);
            try
            {
                await store.CommitAsync(stored, new CheckoutTransition(decision.State, history, outbox), cancellationToken);
            }
            catch (TransitionConflictException) when (attempt < MaxConflictRetries)
            {
                metrics.EtagConflict();
                LogConflict(logger, @event.Name, attempt);
                stored = await store.GetAsync(stored.State.Id, cancellationToken)
                    ?? throw new InvalidOperationException($"Checkout {stored.State.Id} vanished during a transition.");
                continue;
            }

            LogApplied(logger, @event.Name, stored.State.Phase, decision.State.Phase, decision.Commands.Count);
            await dispatcher.DispatchAsync(stored.State.Id, outbox, cancellationToken);
            return new ApplyResult(decision);
        }
    }

    /// <summary>The transition's commands, then one row with the merchant events it caused (if any).</summary>
    private List<OutboxMessage> Outbox(CheckoutState before, CheckoutDecision decision)
    {
        var now = clock.GetUtcNow();
        return [.. router.Route(decision.State, decision.Commands, now), .. events.Route(before, decision.State, decision.Commands.Count, now)];
    }

    /// <summary>Decides the event, then runs inline commands and decides their events too, so one commit covers the
    /// whole chain (e.g. fan-in completes, landed cost is priced, the quote-expiry timer is scheduled).</summary>
    private CheckoutDecision DecideWithInlineRules(CheckoutState state, CheckoutEvent @event, List<HistoryEntry> history)
    {
        var decision = CheckoutStateMachine.Decide(state, @event);
        if (decision.Outcome != DecisionOutcome.Applied)
        {
            return decision;
        }

        history.Add(new HistoryEntry(decision.State.Sequence, @event.Name, @event.At, decision.State.Phase.ToStatus(), HistoryDetail.Describe(@event)));
        var current = decision.State;
        var queued = new List<CheckoutCommand>();
        foreach (var command in decision.Commands)
        {
            if (!command.RunsInline)
            {
                queued.Add(command);
                continue;
            }

            var inner = DecideWithInlineRules(current, inlineRules.Run(current, command, @event.At), history);
            current = inner.State;
            queued.AddRange(inner.Commands);
        }

        return decision with { State = current, Commands = queued };
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Checkout {CheckoutId} started for merchant {MerchantId}")]
    private static partial void LogStarted(ILogger logger, string checkoutId, string merchantId);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "{EventName} moved the checkout from {From} to {To}; {Commands} command(s) sent")]
    private static partial void LogApplied(ILogger logger, string eventName, CheckoutPhase from, CheckoutPhase to, int commands);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "{EventName} {Outcome} in phase {Phase}")]
    private static partial void LogNotApplied(ILogger logger, string eventName, DecisionOutcome outcome, CheckoutPhase phase);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "{EventName} lost an ETag race (attempt {Attempt}); re-reading")]
    private static partial void LogConflict(ILogger logger, string eventName, int attempt);
}
