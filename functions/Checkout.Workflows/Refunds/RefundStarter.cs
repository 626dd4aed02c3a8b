using Checkout.Domain.Monetary;
using Checkout.Workflows.Orchestration;
using Microsoft.DurableTask.Client;

namespace Checkout.Workflows.Refunds;

/// <summary>
/// Creates a refund of a completed checkout: reserves its amount with its pending row (<see cref="RefundStore"/>),
/// then schedules its orchestration with the refund id as the instance id, at most once (an instance in any status
/// counts, as for checkouts: Durable's Azure Storage provider would otherwise restart a running one). Should the
/// process die between the two, the checkout's next refund request starts the orphaned refund.
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
            await ScheduleAsync(client, refund, cancellationToken);
        }

        // A refund whose row was written but whose start was lost (the process died in between) would hold its amount
        // for ever: the checkout's next refund request starts it (a start finding the instance does nothing).
        if (reservation.OthersPending)
        {
            var (_, all) = await refunds.ListAsync(merchantId, checkoutId, cancellationToken);
            foreach (var pending in all.Where(r => r.Status == RefundStatuses.Pending && r.Id != reservation.Created?.Id))
            {
                await ScheduleAsync(client, pending, cancellationToken);
            }
        }

        return reservation;
    }

    private Task ScheduleAsync(DurableTaskClient client, Refund refund, CancellationToken cancellationToken)
    {
        var input = new RefundOrchestrationInput(
            refund.MerchantId, refund.CheckoutId, refund.Id, options.StepMaxAttempts, options.StepFirstRetryInterval, options.RefundOutageRetryDelay);
        return client.ScheduleOnceAsync(RefundOrchestration.Name, CheckoutJson.Write(input), refund.Id, OrchestrationStarts.AnyStatus, cancellationToken);
    }
}
