using Checkout.Domain.Payouts;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Payouts;

/// <summary>The payouts queue's function: send an attempt to the rail, or poll its status (durable timer). Rail
/// outages throw, so the queue redelivers; the same idempotency key makes the retry safe.</summary>
public sealed class PayoutWorkHandler(PayoutProcessor processor, PayoutStore payouts, IPayoutRail rail, ILogger<PayoutWorkHandler> logger)
{
    /// <summary>A message that is not a payout work item can never succeed, and its poison handler could only drop it:
    /// it is logged as an error and dropped at once rather than retried.</summary>
    public Task HandleAsync(string messageText, CancellationToken cancellationToken)
    {
        PayoutWorkItem item;
        try
        {
            item = PayoutWorkItem.Parse(messageText);
        }
        catch (FormatException ex)
        {
            PayoutLog.UnreadableMessage(logger, ex.Message);
            return Task.CompletedTask;
        }

        return item.Kind == PayoutWorkItem.Send ? processor.SendAsync(item, cancellationToken) : processor.PollAsync(item, cancellationToken);
    }

    /// <summary>
    /// A payout message that kept failing (the rail down for all its deliveries). Never guess: ask the rail. If it never
    /// saw the attempt, the attempt fails with <c>could_not_process</c> (funds back on the balance, retry possible, no
    /// risk of paying twice); if it did, its status applies; if it still cannot answer, the payout stays as it is.
    /// </summary>
    public async Task HandlePoisonAsync(string messageText, CancellationToken cancellationToken)
    {
        PayoutWorkItem item;
        try
        {
            item = PayoutWorkItem.Parse(messageText);
        }
        catch (FormatException ex)
        {
            PayoutLog.UnreadablePoison(logger, ex.Message);
            return;
        }

        var payout = await payouts.GetAsync(item.MerchantId, item.PayoutId, cancellationToken);
        if (payout is null || payout.Attempt != item.Attempt || payout.Status.IsFinal())
        {
            return;
        }

        PayoutRailResult? result;
        try
        {
            result = await rail.GetAsync(payout.IdempotencyKey, cancellationToken);
        }
        catch (PayoutRailUnavailableException)
        {
            PayoutLog.Poisoned(logger, payout.Id, payout.Attempt, "unavailable");
            return;
        }

        PayoutLog.Poisoned(logger, payout.Id, payout.Attempt, result?.Status.ToWire() ?? "unknown to the rail");
        result ??= new PayoutRailResult(string.Empty, PayoutStatus.Failed, PayoutFailureCodes.CouldNotProcess, "The payout rail did not answer; nothing was sent.");
        await processor.ApplyAsync(payout.MerchantId, payout.Id, payout.Attempt, result, cancellationToken);
    }
}
