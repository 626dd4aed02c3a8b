using Checkout.Domain.Payments;
using Checkout.Domain.Workflow;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Providers;
using Checkout.Workflows.Runtime;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Steps;

/// <summary>
/// Executes one step message: checks that the checkout still expects it (a redelivered or stale message changes
/// nothing), performs the step's effect with an idempotency key derived from the checkout, and feeds the result back
/// as an event. The same code serves the standalone listener and the Functions host.
/// </summary>
public sealed partial class CheckoutWorkHandler(
    CheckoutStore store,
    CheckoutRuntime runtime,
    ICheckoutRules rules,
    IPaymentGateway payments,
    PayoutHandOff payouts,
    TimerRearmer timers,
    WorkflowMetrics metrics,
    CheckoutWorkflowOptions options,
    ILogger<CheckoutWorkHandler> logger)
{
    public async Task HandleAsync(string messageText, long dequeueCount, CancellationToken cancellationToken)
    {
        var item = WorkItem.Parse(messageText);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CheckoutId"] = item.CheckoutId, ["Step"] = item.Step });
        try
        {
            await HandleItemAsync(item, cancellationToken);
        }
        catch (Exception ex) when (dequeueCount >= options.MaxDequeueCount && ex is not OperationCanceledException)
        {
            // Last delivery: say why on the checkout before the message goes to poison, so it never looks stuck.
            LogGivingUp(logger, ex, item.Step, dequeueCount);
            await runtime.ApplyAsync(item.CheckoutId, new StepPoisoned(item.Step, ex.Message, runtime.Clock.GetUtcNow()), cancellationToken);
            throw;
        }
    }

    /// <summary>A message that reached a poison queue: mark its checkout <c>needs_attention</c> (once).</summary>
    public async Task HandlePoisonAsync(string messageText, CancellationToken cancellationToken)
    {
        WorkItem item;
        try
        {
            item = WorkItem.Parse(messageText);
        }
        catch (FormatException ex)
        {
            LogUnreadablePoison(logger, ex.Message);
            return;
        }

        var detail = $"its message was delivered {options.MaxDequeueCount} times without success and moved to the poison queue";
        await runtime.ApplyAsync(item.CheckoutId, new StepPoisoned(item.Step, detail, runtime.Clock.GetUtcNow()), cancellationToken);
    }

    private async Task HandleItemAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(item.CheckoutId, cancellationToken);
        if (stored is null)
        {
            LogUnknownCheckout(logger, item.Step);
            return;
        }

        var result = await RunStepAsync(item, stored.State, cancellationToken);
        if (result is null)
        {
            metrics.DuplicateIgnored();
            LogStale(logger, item.Step, stored.State.Phase);
            return;
        }

        await runtime.ApplyAsync(stored, result, cancellationToken);
    }

    private async Task<CheckoutEvent?> RunStepAsync(WorkItem item, CheckoutState state, CancellationToken cancellationToken)
    {
        var now = runtime.Clock.GetUtcNow();
        return item.Step switch
        {
            WorkSteps.FxQuote when state.Phase == CheckoutPhase.Quoting && item.QuoteId == state.QuoteIdFor(state.QuoteCount)
                => rules.QuoteFx(state, item.QuoteId, now),
            WorkSteps.Customs when state is { Phase: CheckoutPhase.Checking, CustomsCleared: false } => rules.ScreenCustoms(state, now),
            WorkSteps.Logistics when state is { Phase: CheckoutPhase.Checking, LogisticsPlanned: false } => rules.PlanLogistics(state, now),
            WorkSteps.Capture when state.Phase == CheckoutPhase.Capturing => await CaptureAsync(state, now, cancellationToken),
            WorkSteps.Refund when state.Phase == CheckoutPhase.Refunding => await RefundAsync(state, now, cancellationToken),
            WorkSteps.Payout when state.Phase == CheckoutPhase.PayingOut
                => await payouts.HandOffAsync(state, CheckoutStateMachine.PayoutId(state), now, cancellationToken),
            WorkSteps.QuoteExpiry when state.Phase == CheckoutPhase.AwaitingConfirmation && state.Quote?.Id == item.QuoteId
                => await timers.FireOrRearmAsync(item, state, now, cancellationToken),
            WorkSteps.QuoteExpiry or WorkSteps.FxQuote or WorkSteps.Customs or WorkSteps.Logistics or WorkSteps.Capture or WorkSteps.Refund or WorkSteps.Payout => null,
            _ => throw new FormatException($"Unknown step '{item.Step}'."),
        };
    }

    private async Task<CheckoutEvent> CaptureAsync(CheckoutState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var amount = state.LandedCost!.AmountDueAtCheckout;
        var result = await payments.CaptureAsync(new CaptureRequest(CheckoutStateMachine.CaptureKey(state), state.Id, state.PaymentToken, amount), cancellationToken);
        return result.CaptureId is { } captureId
            ? new PaymentCaptured(captureId, now)
            : new PaymentDeclined(result.Decline!, now);
    }

    private async Task<CheckoutEvent> RefundAsync(CheckoutState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var amount = state.LandedCost!.AmountDueAtCheckout;
        var request = new RefundRequest(CheckoutStateMachine.RefundKey(state), state.Id, state.CaptureId!, amount);
        var result = await payments.RefundAsync(request, cancellationToken);
        await payouts.RecordRefundAsync(state, now, cancellationToken);
        return new PaymentRefunded(result.RefundId, now);
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "Step message for an unknown checkout ({Step}); dropped")]
    private static partial void LogUnknownCheckout(ILogger logger, string step);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Step {Step} no longer expected in phase {Phase}; duplicate dropped")]
    private static partial void LogStale(ILogger logger, string step, CheckoutPhase phase);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Step {Step} failed on delivery {DequeueCount}, the last; marking the checkout needs_attention")]
    private static partial void LogGivingUp(ILogger logger, Exception exception, string step, long dequeueCount);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "Unreadable message in a poison queue: {Reason}")]
    private static partial void LogUnreadablePoison(ILogger logger, string reason);
}
