namespace Checkout.Workflows.Events;

/// <summary>Hands merchant events to webhook delivery: the events of one change (a checkout transition, a payout's
/// new status) together. At least once: call it again on redelivery with the same event ids rather than guessing
/// whether the first call got through; receivers dedupe on the ids.</summary>
public interface IMerchantEventPublisher
{
    Task PublishAsync(IReadOnlyList<MerchantEvent> events, CancellationToken cancellationToken);
}
