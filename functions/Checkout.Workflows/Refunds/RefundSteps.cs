using Checkout.Domain.Payments;
using Checkout.Workflows.Buyers;
using Checkout.Workflows.Events;
using Checkout.Workflows.Orchestration;
using Checkout.Workflows.Persistence;

namespace Checkout.Workflows.Refunds;

/// <summary>What the refund orchestration's activities do. Activities run at least once, so each is safe to repeat:
/// the gateway call carries the refund id as its idempotency key, and finishing a refund that has finished only
/// announces it again (same event id).</summary>
public sealed class RefundSteps(
    RefundStore refunds,
    CheckoutStore checkouts,
    IPaymentGateway payments,
    RefundSettlement settlement,
    IMerchantEventPublisher events,
    CbecAnnualLimit annualLimit,
    TimeProvider clock)
{
    /// <summary>Asks the payment service for the refund; returns its <see cref="RefundGatewayOutcome"/> as JSON. An
    /// outage throws, and the activity is retried.</summary>
    public async Task<string> CallGatewayAsync(string input, CancellationToken cancellationToken)
    {
        var request = CheckoutJson.Read<RefundOrchestrationInput>(input);
        var refund = await RequireAsync(request.MerchantId, request.CheckoutId, request.RefundId, cancellationToken);
        var checkout = await checkouts.GetAsync(request.MerchantId, request.CheckoutId, cancellationToken)
            ?? throw new InvalidOperationException($"Refund {refund.Id}: checkout {request.CheckoutId} is not recorded.");
        var state = checkout.State;
        var payoutId = state.PayoutId ?? throw new InvalidOperationException($"Refund {refund.Id}: checkout {state.Id} has no payout.");
        if (refund.Status != RefundStatuses.Pending)
        {
            return CheckoutJson.Write(new RefundGatewayOutcome(refund.MerchantId, refund.CheckoutId, refund.Id, payoutId, refund.GatewayRefundId, refund.FailureCode, refund.FailureMessage));
        }

        var captureId = state.CaptureId ?? throw new InvalidOperationException($"Refund {refund.Id}: checkout {state.Id} has no capture.");
        var result = await payments.RefundAsync(new RefundRequest(refund.Id, refund.CheckoutId, captureId, refund.Amount), cancellationToken);
        return CheckoutJson.Write(new RefundGatewayOutcome(
            refund.MerchantId, refund.CheckoutId, refund.Id, payoutId, result.RefundId, result.Refusal?.Code, result.Refusal?.Detail));
    }

    /// <summary>Finishes the refund as the payment service said (succeeded and booked, or failed and released) and
    /// announces it; returns its final status.</summary>
    public async Task<string> FinishAsync(string input, CancellationToken cancellationToken)
    {
        var outcome = CheckoutJson.Read<RefundGatewayOutcome>(input);
        var refund = await RequireAsync(outcome.MerchantId, outcome.CheckoutId, outcome.RefundId, cancellationToken);
        if (refund.Status == RefundStatuses.Pending)
        {
            var now = clock.GetUtcNow();
            refund = outcome.GatewayRefundId is not null
                ? await settlement.SettleAsync(refund, outcome, now, cancellationToken)
                : await refunds.FinishAsync(
                    refund with { Status = RefundStatuses.Failed, FailureCode = outcome.FailureCode, FailureMessage = outcome.FailureMessage, UpdatedAt = now },
                    null,
                    cancellationToken);
        }

        if (refund.Status == RefundStatuses.Succeeded)
        {
            var (summary, _) = await refunds.ListAsync(refund.MerchantId, refund.CheckoutId, cancellationToken);
            if (summary is { Remaining.IsZero: true, Reserved.IsZero: true })
            {
                await annualLimit.ReleaseRefundedInFullAsync(refund.CheckoutId, cancellationToken);
            }
        }

        if (RefundEvents.For(refund) is { } merchantEvent)
        {
            await events.PublishAsync([merchantEvent], cancellationToken);
        }

        return refund.Status;
    }

    private async Task<Refund> RequireAsync(string merchantId, string checkoutId, string refundId, CancellationToken cancellationToken) =>
        await refunds.GetAsync(merchantId, checkoutId, refundId, cancellationToken)
            ?? throw new InvalidOperationException($"Refund {refundId} is not recorded.");
}
