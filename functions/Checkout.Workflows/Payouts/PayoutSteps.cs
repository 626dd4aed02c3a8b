using Checkout.Workflows.Orchestration;

namespace Checkout.Workflows.Payouts;

/// <summary>What the payout orchestration's activities do, each on the payout named by a <see cref="PayoutRequest"/>
/// and each answering with the payout's <see cref="PayoutProgress"/> (JSON) after it.</summary>
public sealed class PayoutSteps(PayoutProcessor processor, PayoutRetries retries, PayoutStore payouts)
{
    public Task<string> SendAsync(string input, CancellationToken cancellationToken) =>
        RunAsync(input, request => processor.SendAsync(request.MerchantId, request.PayoutId, createdPostedFor: null, cancellationToken));

    public Task<string> PollAsync(string input, CancellationToken cancellationToken) =>
        RunAsync(input, request => processor.PollAsync(request.MerchantId, request.PayoutId, cancellationToken));

    public Task<string> ReadAsync(string input, CancellationToken cancellationToken) =>
        RunAsync(input, request => payouts.GetAsync(request.MerchantId, request.PayoutId, cancellationToken));

    /// <summary>Starts the next attempt (a failed one's funds leave the balance again under a new rail key).</summary>
    public Task<string> RetryAsync(string input, CancellationToken cancellationToken) =>
        RunAsync(input, async request => (await retries.RetryAsync(request.MerchantId, request.PayoutId, cancellationToken)).Payout);

    public Task<string> GiveUpAsync(string input, CancellationToken cancellationToken) =>
        RunAsync(input, request => processor.GiveUpAsync(request.MerchantId, request.PayoutId, cancellationToken));

    private static async Task<string> RunAsync(string input, Func<PayoutRequest, Task<Payout?>> step) =>
        CheckoutJson.Write(PayoutProgress.Of(await step(PayoutRequest.Parse(input))));
}
