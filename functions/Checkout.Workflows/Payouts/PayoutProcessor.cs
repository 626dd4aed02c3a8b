using Azure.Storage.Queues;
using Checkout.Domain.Ledger;
using Checkout.Domain.Payouts;
using Checkout.Workflows.Events;
using Checkout.Workflows.Ledger;
using Checkout.Workflows.Providers;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Payouts;

/// <summary>
/// Moves payout attempts along with what the rail says, from whichever source says it first: the send step, a status
/// poll (the payout orchestration's durable timer) or a signed rail webhook. Effects run before the ETag-guarded status
/// change and are all idempotent (ledger ids derive from payout + attempt, rail keys from the attempt, event ids from the
/// payout), so a crash at any point is repaired by the activity's next run, which runs them again. A final status is
/// re-announced when a step runs again.
/// </summary>
public sealed class PayoutProcessor(
    PayoutStore payouts,
    LedgerStore ledger,
    IPayoutRail rail,
    PayoutDestinationStore destinations,
    IMerchantEventPublisher events,
    QueueServiceClient queues,
    CheckoutWorkflowOptions options,
    TimeProvider clock,
    ILogger<PayoutProcessor> logger)
{
    private readonly QueueClient _queue = queues.GetQueueClient(options.PayoutsQueue);

    /// <summary>Takes the attempt's amount off the available balance (the payout orchestration sends it).</summary>
    public Task StartAttemptAsync(Payout payout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payout);
        return ledger.PostAsync(LedgerPostingRules.PayoutCreated(payout.Facts(clock.GetUtcNow())), cancellationToken);
    }

    /// <summary>Asks for the attempt <see cref="StartAttemptAsync"/> has just started to be sent, on the payouts queue
    /// (whose function sends it, and starts the payout's orchestration if it must be followed).</summary>
    public Task RequestAsync(Payout payout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payout);
        var request = new PayoutRequest(payout.MerchantId, payout.Id, CreatedPostedFor: payout.Attempt);
        return _queue.SendMessageAsync(request.ToJson(), timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken);
    }

    /// <summary>Sends the current attempt to the rail if it is still pending; returns the payout as it then stands.
    /// <paramref name="createdPostedFor"/>: the attempt whose payout-created posting the caller knows was made.</summary>
    public async Task<Payout?> SendAsync(string merchantId, string payoutId, int? createdPostedFor, CancellationToken cancellationToken)
    {
        var payout = await CurrentAsync(merchantId, payoutId, cancellationToken);
        if (payout is null)
        {
            return null;
        }

        if (payout.Status != PayoutStatus.Pending)
        {
            await EnsureEffectsAsync(payout, cancellationToken);
            return payout;
        }

        if (payout.Attempt != createdPostedFor)
        {
            // The guard for an attempt whose start crashed between its row and its posting (a merchant's retry): posted
            // here if it was not, refused as a duplicate if it was.
            await ledger.PostAsync(LedgerPostingRules.PayoutCreated(payout.Facts(clock.GetUtcNow())), cancellationToken);
        }

        var destination = await destinations.GetForRailAsync(payout.MerchantId, cancellationToken);
        var result = destination is null
            ? new PayoutRailResult(string.Empty, PayoutStatus.Failed, PayoutFailureCodes.NoAccount, SandboxPayoutAccounts.Describe(PayoutFailureCodes.NoAccount))
            : await rail.CreateAsync(new PayoutRailRequest(payout.IdempotencyKey, payout.Id, payout.MerchantId, payout.Amount, destination), cancellationToken);

        // Applied to the row as read above: if it changed while the rail answered, its ETag says so and it is read again.
        return await ApplyAsync(payout.MerchantId, payout.Id, payout.Attempt, result, payout, cancellationToken);
    }

    /// <summary>Asks the rail about an attempt in transit; returns the payout as it then stands.</summary>
    public async Task<Payout?> PollAsync(string merchantId, string payoutId, CancellationToken cancellationToken)
    {
        var payout = await CurrentAsync(merchantId, payoutId, cancellationToken);
        if (payout is not { Status: PayoutStatus.InTransit })
        {
            return payout;
        }

        var result = await rail.GetAsync(payout.IdempotencyKey, cancellationToken)
            ?? throw new InvalidOperationException($"The rail does not know {payout.IdempotencyKey}, yet the payout is in transit.");
        return await ApplyAsync(payout.MerchantId, payout.Id, payout.Attempt, result, cancellationToken);
    }

    /// <summary>
    /// The send or poll kept failing (the rail down through every retry). Never guess: ask the rail. If it never saw
    /// the attempt, the attempt fails with <c>could_not_process</c> (funds back on the balance, retry possible, no risk
    /// of paying twice); if it did, its status applies; if it still cannot answer, the payout stays as it is.
    /// </summary>
    public async Task<Payout?> GiveUpAsync(string merchantId, string payoutId, CancellationToken cancellationToken)
    {
        var payout = await CurrentAsync(merchantId, payoutId, cancellationToken);
        if (payout is null || payout.Status.IsFinal())
        {
            return payout;
        }

        PayoutRailResult? result;
        try
        {
            result = await rail.GetAsync(payout.IdempotencyKey, cancellationToken);
        }
        catch (PayoutRailUnavailableException)
        {
            PayoutLog.Poisoned(logger, payout.Id, payout.Attempt, "unavailable");
            return payout;
        }

        PayoutLog.Poisoned(logger, payout.Id, payout.Attempt, result?.Status.ToWire() ?? "unknown to the rail");
        result ??= new PayoutRailResult(string.Empty, PayoutStatus.Failed, PayoutFailureCodes.CouldNotProcess, "The payout rail did not answer; nothing was sent.");
        return await ApplyAsync(payout.MerchantId, payout.Id, payout.Attempt, result, cancellationToken);
    }

    /// <summary>Applies the rail's word on one attempt; returns the payout as it now stands (null if unknown).</summary>
    public Task<Payout?> ApplyAsync(string merchantId, string payoutId, int attempt, PayoutRailResult result, CancellationToken cancellationToken) =>
        ApplyAsync(merchantId, payoutId, attempt, result, read: null, cancellationToken);

    /// <summary><paramref name="read"/> is the row as the caller last read it (with its ETag), which saves the first read.</summary>
    private async Task<Payout?> ApplyAsync(string merchantId, string payoutId, int attempt, PayoutRailResult result, Payout? read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        while (true)
        {
            var payout = read ?? await payouts.GetAsync(merchantId, payoutId, cancellationToken);
            read = null;
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

    private async Task<Payout?> CurrentAsync(string merchantId, string payoutId, CancellationToken cancellationToken)
    {
        var payout = await payouts.GetAsync(merchantId, payoutId, cancellationToken);
        if (payout is null)
        {
            PayoutLog.Unknown(logger, payoutId, merchantId);
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
        PayoutEvents.For(payout, payout.UpdatedAt) is { } merchantEvent ? events.PublishAsync([merchantEvent], cancellationToken) : Task.CompletedTask;
}
