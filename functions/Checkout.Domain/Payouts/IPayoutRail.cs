namespace Checkout.Domain.Payouts;

/// <summary>
/// The bank rail that pays merchants. Every call carries the attempt's idempotency key: creating twice with one key
/// returns the first payout, never a second one. A temporary outage is thrown as
/// <see cref="PayoutRailUnavailableException"/> (the step is retried); a failure is a result.
/// </summary>
public interface IPayoutRail
{
    Task<PayoutRailResult> CreateAsync(PayoutRailRequest request, CancellationToken cancellationToken);

    /// <summary>The attempt's current status at the rail; null when the rail never saw the key.</summary>
    Task<PayoutRailResult?> GetAsync(string idempotencyKey, CancellationToken cancellationToken);
}
