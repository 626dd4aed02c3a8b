using Checkout.Domain.Payouts;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Payouts;

/// <summary>
/// Retries payouts on the merchant's request, after a destination change, or by the payout orchestration itself after a
/// failure the rail may get over. A failed or canceled payout starts the next attempt (new idempotency key; its funds
/// leave the balance again); a pending one stays on its current key. Guarded by the payout's ETag, so two retries at
/// once start one attempt. The caller then wakes the payout's orchestration (<see cref="PayoutOrchestrations"/>),
/// which sends the attempt.
/// </summary>
public sealed class PayoutRetries(PayoutStore payouts, PayoutProcessor processor, TimeProvider clock, ILogger<PayoutRetries> logger)
{
    public async Task<PayoutRetryResult> RetryAsync(string merchantId, string payoutId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var payout = await payouts.GetAsync(merchantId, payoutId, cancellationToken);
            switch (payout?.Status)
            {
                case null:
                    return new PayoutRetryResult(PayoutRetryOutcome.NotFound, null);
                case PayoutStatus.Pending:
                    await processor.StartAttemptAsync(payout, cancellationToken);
                    return new PayoutRetryResult(PayoutRetryOutcome.Resent, payout);
                case PayoutStatus.InTransit or PayoutStatus.Paid:
                    return new PayoutRetryResult(PayoutRetryOutcome.NotRetryable, payout);
            }

            var next = payout with
            {
                Attempt = payout.Attempt + 1,
                Status = PayoutStatus.Pending,
                FailureCode = null,
                FailureMessage = null,
                RailPayoutId = null,
                UpdatedAt = clock.GetUtcNow(),
            };
            if (await payouts.TryUpdateAsync(next, cancellationToken) is { } updated)
            {
                PayoutLog.Retried(logger, payoutId, updated.Attempt);
                await processor.StartAttemptAsync(updated, cancellationToken);
                return new PayoutRetryResult(PayoutRetryOutcome.Retried, updated);
            }
        }
    }

    /// <summary>Retries every failed, canceled or pending payout of the merchant (after a new destination).</summary>
    public async Task<IReadOnlyList<Payout>> RetryAllAsync(string merchantId, CancellationToken cancellationToken)
    {
        var retried = new List<Payout>();
        foreach (var payout in await payouts.ListRetryableAsync(merchantId, cancellationToken))
        {
            var result = await RetryAsync(merchantId, payout.Id, cancellationToken);
            if (result is { Outcome: PayoutRetryOutcome.Retried or PayoutRetryOutcome.Resent, Payout: { } moved })
            {
                retried.Add(moved);
            }
        }

        return retried;
    }
}
