using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Checkout.Domain.Ledger;
using Checkout.Domain.Payouts;
using Checkout.Workflows.Events;
using Checkout.Workflows.Ledger;
using Checkout.Workflows.Providers;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Payouts;

/// <summary>
/// Moves payout attempts along with what the rail says, from whichever source says it first: the send step, a status
/// poll timer or a signed rail webhook. Effects run before the ETag-guarded status change and are all idempotent
/// (ledger ids derive from payout + attempt, rail keys from the attempt, event ids from the payout), so a crash at
/// any point is repaired by the redelivery, which runs them again. A final status is re-announced on redelivery.
/// </summary>
public sealed class PayoutProcessor(
    PayoutStore payouts,
    LedgerStore ledger,
    IPayoutRail rail,
    PayoutDestinationStore destinations,
    IMerchantEventPublisher events,
    QueueServiceClient queues,
    CheckoutWorkflowOptions options,
    PayoutOptions payoutOptions,
    TimeProvider clock,
    ILogger<PayoutProcessor> logger)
{
    private readonly QueueClient _queue = queues.GetQueueClient(options.PayoutsQueue);

    /// <summary>Takes the attempt's amount off the available balance, then asks for it to be sent to the rail.</summary>
    public async Task StartAttemptAsync(Payout payout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payout);
        await ledger.PostAsync(LedgerPostingRules.PayoutCreated(payout.Facts(clock.GetUtcNow())), cancellationToken);
        await _queue.SendMessageAsync(new PayoutWorkItem(payout.MerchantId, payout.Id, payout.Attempt, PayoutWorkItem.Send).ToJson(), timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken);
    }

    public async Task SendAsync(PayoutWorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var payout = await CurrentAsync(item, cancellationToken);
        if (payout is null)
        {
            return;
        }

        if (payout.Status != PayoutStatus.Pending)
        {
            await EnsureEffectsAsync(payout, cancellationToken);
            return;
        }

        await ledger.PostAsync(LedgerPostingRules.PayoutCreated(payout.Facts(clock.GetUtcNow())), cancellationToken);
        var destination = await destinations.GetAsync(payout.MerchantId, cancellationToken);
        var result = destination is null
            ? new PayoutRailResult(string.Empty, PayoutStatus.Failed, PayoutFailureCodes.NoAccount, SandboxPayoutAccounts.Describe(PayoutFailureCodes.NoAccount))
            : await rail.CreateAsync(new PayoutRailRequest(payout.IdempotencyKey, payout.Id, payout.MerchantId, payout.Amount, destination), cancellationToken);
        await ApplyAsync(payout.MerchantId, payout.Id, payout.Attempt, result, cancellationToken);
    }

    public async Task PollAsync(PayoutWorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var payout = await CurrentAsync(item, cancellationToken);
        if (payout is not { Status: PayoutStatus.InTransit })
        {
            return;
        }

        var result = await rail.GetAsync(payout.IdempotencyKey, cancellationToken)
            ?? throw new InvalidOperationException($"The rail does not know {payout.IdempotencyKey}, yet the payout is in transit.");
        var applied = await ApplyAsync(payout.MerchantId, payout.Id, payout.Attempt, result, cancellationToken);
        if (applied is { Status: PayoutStatus.InTransit })
        {
            await SchedulePollAsync(applied, cancellationToken);
        }
    }

    /// <summary>Applies the rail's word on one attempt; returns the payout as it now stands (null if unknown).</summary>
    public async Task<Payout?> ApplyAsync(string merchantId, string payoutId, int attempt, PayoutRailResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        while (true)
        {
            var payout = await payouts.GetAsync(merchantId, payoutId, cancellationToken);
            if (payout is null || payout.Attempt != attempt || !PayoutStatusNames.CanMove(payout.Status, result.Status))
            {
                if (payout is not null && payout.Attempt == attempt && payout.Status == result.Status)
                {
                    await EnsureEffectsAsync(payout, cancellationToken);
                }

                return payout;
            }

            var next = payout with
            {
                Status = result.Status,
                FailureCode = result.FailureCode,
                FailureMessage = result.FailureMessage,
                RailPayoutId = string.IsNullOrEmpty(result.RailPayoutId) ? payout.RailPayoutId : result.RailPayoutId,
                UpdatedAt = clock.GetUtcNow(),
            };
            if (next.Status == PayoutStatus.InTransit)
            {
                await SchedulePollAsync(next, cancellationToken);
            }

            await PostOutcomeAsync(next, cancellationToken);
            if (await payouts.TryUpdateAsync(next, cancellationToken) is not { } updated)
            {
                PayoutLog.Conflict(logger, payoutId);
                continue;
            }

            PayoutLog.Moved(logger, payoutId, attempt, payout.Status, updated.Status);
            await PublishAsync(updated, cancellationToken);
            return updated;
        }
    }

    private async Task<Payout?> CurrentAsync(PayoutWorkItem item, CancellationToken cancellationToken)
    {
        var payout = await payouts.GetAsync(item.MerchantId, item.PayoutId, cancellationToken);
        if (payout is null)
        {
            PayoutLog.Unknown(logger, item.PayoutId, item.MerchantId);
            return null;
        }

        if (payout.Attempt != item.Attempt)
        {
            PayoutLog.Stale(logger, item.PayoutId, item.Kind, item.Attempt, payout.Attempt, payout.Status);
            return null;
        }

        return payout;
    }

    private async Task EnsureEffectsAsync(Payout payout, CancellationToken cancellationToken)
    {
        await PostOutcomeAsync(payout, cancellationToken);
        await PublishAsync(payout, cancellationToken);
    }

    private Task PostOutcomeAsync(Payout payout, CancellationToken cancellationToken) => payout.Status switch
    {
        PayoutStatus.Paid => ledger.PostAsync(LedgerPostingRules.PayoutPaid(payout.Facts(payout.UpdatedAt)), cancellationToken),
        PayoutStatus.Failed or PayoutStatus.Canceled =>
            ledger.PostAsync(LedgerPostingRules.PayoutReturned(payout.Facts(payout.UpdatedAt), payout.Status.ToWire()), cancellationToken),
        _ => Task.CompletedTask,
    };

    private Task PublishAsync(Payout payout, CancellationToken cancellationToken) =>
        PayoutEvents.For(payout, payout.UpdatedAt) is { } merchantEvent ? events.PublishAsync(merchantEvent, cancellationToken) : Task.CompletedTask;

    private Task<Response<SendReceipt>> SchedulePollAsync(Payout payout, CancellationToken cancellationToken) =>
        _queue.SendMessageAsync(
            new PayoutWorkItem(payout.MerchantId, payout.Id, payout.Attempt, PayoutWorkItem.Poll).ToJson(),
            payoutOptions.StatusPollInterval,
            timeToLive: TimeSpan.FromSeconds(-1),
            cancellationToken: cancellationToken);
}
