namespace Checkout.Workflows.Events;

/// <summary>Hands a merchant event to webhook delivery. At least once: call it again on redelivery with the same
/// event id rather than guessing whether the first call got through.</summary>
public interface IMerchantEventPublisher
{
    Task PublishAsync(MerchantEvent merchantEvent, CancellationToken cancellationToken);
}
