using Checkout.Domain.Payouts;
using Checkout.Workflows.Orchestration;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Payouts;

/// <summary>
/// Handles payout requests, and starts and signals payout orchestrations (instance id = payout id). A request's first
/// attempt is sent by the payouts queue's function itself: a payout the rail pays at once needs nothing followed, so it
/// gets no orchestration, which saves the engine's start, two episodes and a work item (about 17 storage operations).
/// Any other answer (in transit, failed) starts the orchestration with the payout as the send left it, to follow it
/// from there; when the send itself failed (the rail not answering), the orchestration sends the attempt again under
/// the same rail key, with its step retries. Starting is idempotent: a redelivered request finds the instance and
/// starts nothing. A merchant's retry wakes the running orchestration, or starts a fresh one when there is none at work
/// (its retry window passed), so a retried payout is always sent.
/// </summary>
public sealed class PayoutOrchestrations(
    PayoutProcessor processor, PayoutOptions options, CheckoutWorkflowOptions workflow, ILogger<PayoutOrchestrations> logger)
{
    /// <summary>Statuses of an instance still at work; any other may be replaced by a new run.</summary>
    private static readonly IReadOnlyList<string> Working =
        [nameof(OrchestrationRuntimeStatus.Running), nameof(OrchestrationRuntimeStatus.Pending), nameof(OrchestrationRuntimeStatus.Suspended)];

    /// <summary>The payouts queue's function: sends the attempt a <see cref="PayoutRequest"/> names and, unless the rail
    /// paid it at once, starts the orchestration that follows it.</summary>
    public async Task HandleRequestAsync(DurableTaskClient client, string message, CancellationToken cancellationToken)
    {
        PayoutRequest request;
        try
        {
            request = PayoutRequest.Parse(message);
        }
        catch (FormatException ex)
        {
            PayoutLog.UnreadableMessage(logger, ex.Message);
            return;
        }

        Payout? sent = null;
        try
        {
            sent = await processor.SendAsync(request.MerchantId, request.PayoutId, request.CreatedPostedFor, cancellationToken);

            // Unknown (the processor logs it), or paid: nothing to follow.
            if (sent is null or { Status: PayoutStatus.Paid })
            {
                return;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The orchestration's send step retries with back-off, then asks the rail what it saw (PayoutGiveUp).
            PayoutLog.FirstSendFailed(logger, request.PayoutId, ex.Message);
        }

        await ScheduleAsync(client, request, OrchestrationStarts.AnyStatus, PayoutProgress.Of(sent), cancellationToken);
    }

    /// <summary>A request that failed every delivery: said loudly; a retry or a new destination starts the payout.</summary>
    public void HandlePoisonedRequest(string message) => PayoutLog.RequestPoisoned(logger, message);

    /// <summary>After the merchant retried <paramref name="payout"/> (or set a new destination): wake its orchestration.</summary>
    public async Task RetryAsync(DurableTaskClient client, Payout payout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(payout);
        var instance = await client.GetInstanceAsync(payout.Id, getInputsAndOutputs: false, cancellationToken);
        if (instance is not null && Working.Contains(instance.RuntimeStatus.ToString()))
        {
            // The payload is only a note for the history (the payout row says which attempt to send): the attempt, as text.
            await client.RaiseEventAsync(payout.Id, PayoutOrchestration.RetryEvent, payout.IdempotencyKey, cancellationToken);
            return;
        }

        await ScheduleAsync(client, new PayoutRequest(payout.MerchantId, payout.Id), Working, sent: null, cancellationToken);
    }

    /// <summary>After a rail webhook moved the payout: wake its orchestration if it is waiting. If that fails, the
    /// orchestration's next status poll finds the same status, so the webhook is not refused for it.</summary>
    public async Task RailUpdatedAsync(DurableTaskClient client, string payoutId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.RaiseEventAsync(payoutId, PayoutOrchestration.RailUpdateEvent, payoutId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            PayoutLog.RailUpdateNotRaised(logger, payoutId, ex.Message);
        }
    }

    /// <summary>Starts the orchestration unless one in <paramref name="dedupe"/> exists (started by this request's first
    /// delivery, or a concurrent retry); <paramref name="sent"/> is the attempt as this caller's send left it.</summary>
    private Task ScheduleAsync(DurableTaskClient client, PayoutRequest request, IReadOnlyList<string> dedupe, PayoutProgress? sent, CancellationToken cancellationToken) =>
        client.ScheduleOnceAsync(PayoutOrchestration.Name, CheckoutJson.Write(InputFor(request, sent)), request.PayoutId, dedupe, cancellationToken);

    internal PayoutOrchestrationInput InputFor(PayoutRequest request, PayoutProgress? sent) => new(
        request.MerchantId,
        request.PayoutId,
        options.StatusPollInterval,
        options.AutomaticRetries,
        options.AutomaticRetryDelay,
        options.RetryWindow,
        workflow.StepMaxAttempts,
        workflow.StepFirstRetryInterval,
        sent,
        ChecksForRetryAfterFailure: true);
}
