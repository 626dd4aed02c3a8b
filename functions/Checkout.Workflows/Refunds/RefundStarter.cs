using Checkout.Domain.Monetary;
using Checkout.Workflows.Orchestration;
using Microsoft.DurableTask.Client;

namespace Checkout.Workflows.Refunds;

/// <summary>
/// Creates a refund of a completed checkout: reserves its amount with its pending row (<see cref="RefundStore"/>),
/// then schedules its orchestration with the refund id as the instance id, at most once (an instance in any status
/// counts, as for checkouts: Durable's Azure Storage provider would otherwise restart a running one).
/// </summary>
public sealed class RefundStarter(RefundStore refunds, CheckoutWorkflowOptions options)
{
    public async Task<RefundReservation> StartAsync(
        DurableTaskClient client, string merchantId, string checkoutId, Money captured, Money? amount, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reservation = await refunds.ReserveAsync(merchantId, checkoutId, captured, amount, reason, now, cancellationToken);
        if (reservation.Created is { } refund)
        {
            var input = new RefundOrchestrationInput(
                merchantId, checkoutId, refund.Id, options.StepMaxAttempts, options.StepFirstRetryInterval, options.RefundOutageRetryDelay);
            await client.ScheduleOnceAsync(RefundOrchestration.Name, CheckoutJson.Write(input), refund.Id, OrchestrationStarts.AnyStatus, cancellationToken);
        }

        return reservation;
    }
}
