using Checkout.Domain.Payouts;
using Checkout.Workflows.Payouts;
using Microsoft.DurableTask.Client;

namespace Checkout.Functions.Api.Payouts;

/// <summary>A merchant's retry as the API makes it: the next attempt on the payout row, then its orchestration woken
/// to send it (the client is the invocation's <c>[DurableClient]</c>, so this is made per request).</summary>
internal sealed class PayoutRetrying(PayoutRetries retries, PayoutOrchestrations orchestrations, DurableTaskClient client)
{
    public async Task<PayoutRetryResult> RetryAsync(string merchantId, string payoutId, CancellationToken cancellationToken)
    {
        var result = await retries.RetryAsync(merchantId, payoutId, cancellationToken);
        if (result is { Outcome: PayoutRetryOutcome.Retried or PayoutRetryOutcome.Resent, Payout: { } payout })
        {
            await orchestrations.RetryAsync(client, payout, cancellationToken);
        }

        return result;
    }

    /// <summary>Every failed, canceled or pending payout of the merchant (after a new destination).</summary>
    public async Task<IReadOnlyList<Payout>> RetryAllAsync(string merchantId, CancellationToken cancellationToken)
    {
        var retried = await retries.RetryAllAsync(merchantId, cancellationToken);
        foreach (var payout in retried)
        {
            await orchestrations.RetryAsync(client, payout, cancellationToken);
        }

        return retried;
    }
}
