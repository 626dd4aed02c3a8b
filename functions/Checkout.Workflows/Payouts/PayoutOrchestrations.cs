using Checkout.Workflows.Orchestration;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Payouts;

/// <summary>
/// Starts and signals payout orchestrations (instance id = payout id). Starting is idempotent: a redelivered request
/// finds the instance and starts nothing. A merchant's retry wakes the running orchestration, or starts a fresh one
/// when the last has ended (its retry window passed), so a retried payout is always sent.
/// </summary>
public sealed class PayoutOrchestrations(PayoutOptions options, CheckoutWorkflowOptions workflow, ILogger<PayoutOrchestrations> logger)
{
    /// <summary>Statuses of an instance still at work; any other may be replaced by a new run.</summary>
    private static readonly IReadOnlyList<string> Working =
        [nameof(OrchestrationRuntimeStatus.Running), nameof(OrchestrationRuntimeStatus.Pending), nameof(OrchestrationRuntimeStatus.Suspended)];

    /// <summary>The payouts queue's function: starts the orchestration a <see cref="PayoutRequest"/> asks for.</summary>
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

        await ScheduleAsync(client, request, OrchestrationStarts.AnyStatus, cancellationToken);
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

        await ScheduleAsync(client, new PayoutRequest(payout.MerchantId, payout.Id), Working, cancellationToken);
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
    /// delivery, or a concurrent retry).</summary>
    private Task ScheduleAsync(DurableTaskClient client, PayoutRequest request, IReadOnlyList<string> dedupe, CancellationToken cancellationToken)
    {
        var input = new PayoutOrchestrationInput(
            request.MerchantId,
            request.PayoutId,
            options.StatusPollInterval,
            options.AutomaticRetries,
            options.AutomaticRetryDelay,
            options.RetryWindow,
            workflow.StepMaxAttempts,
            workflow.StepFirstRetryInterval);
        return client.ScheduleOnceAsync(PayoutOrchestration.Name, CheckoutJson.Write(input), request.PayoutId, dedupe, cancellationToken);
    }
}
