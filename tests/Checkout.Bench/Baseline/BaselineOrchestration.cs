using Microsoft.DurableTask;

namespace Checkout.Bench.Baseline;

/// <summary>
/// A checkout's shape on Durable Task with no business logic, the yardstick for the app's own cost: the quote, customs
/// and logistics activities in parallel, the buyer's confirm event raced against a durable timer at quote expiry (15
/// minutes, as the app's), capture, then the payout as one activity (the app's payout is a second orchestration started
/// from a queue; a sub-orchestration here left the checkout waiting on the local sidecar, so an activity it is, which
/// makes the baseline, if anything, cheaper than the app's shape). Mirrors <c>CheckoutOrchestration</c> and
/// <c>PayoutOrchestration</c> in shape only: no read model, no webhooks, no ledger. Activities return their input.
/// </summary>
internal sealed class BaselineOrchestration : TaskOrchestrator<string, string>
{
    public const string Name = nameof(BaselineOrchestration);
    public const string ConfirmEvent = "confirm";

    /// <summary>The custom status the driver polls for before it raises <see cref="ConfirmEvent"/>.</summary>
    public const string AwaitingConfirmation = "awaiting_confirmation";

    private static readonly TimeSpan QuoteExpiry = TimeSpan.FromMinutes(15);

    public static void Register(DurableTaskRegistry registry)
    {
        registry.AddOrchestrator<BaselineOrchestration>();
        registry.AddActivityFunc<string, string>("Quote", (_, input) => input);
        registry.AddActivityFunc<string, string>("Customs", (_, input) => input);
        registry.AddActivityFunc<string, string>("Logistics", (_, input) => input);
        registry.AddActivityFunc<string, string>("Capture", (_, input) => input);
        registry.AddActivityFunc<string, string>("SendPayout", (_, input) => input);
    }

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        await Task.WhenAll(
            context.CallActivityAsync<string>("Quote", input),
            context.CallActivityAsync<string>("Customs", input),
            context.CallActivityAsync<string>("Logistics", input));
        context.SetCustomStatus(AwaitingConfirmation);
        using var stopTimer = new CancellationTokenSource();
        var expiry = context.CreateTimer(context.CurrentUtcDateTime + QuoteExpiry, stopTimer.Token);
        var confirm = context.WaitForExternalEvent<string>(ConfirmEvent);
        if (await Task.WhenAny(confirm, expiry) == expiry)
        {
            return "expired";
        }

        // Synchronously, as the app does: CancelAsync would resume the orchestrator off its own scheduler.
#pragma warning disable CA1849
        stopTimer.Cancel();
#pragma warning restore CA1849
        context.SetCustomStatus("capturing");
        await context.CallActivityAsync<string>("Capture", input);
        await context.CallActivityAsync<string>("SendPayout", input);
        return "completed";
    }
}
