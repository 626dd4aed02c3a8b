using Checkout.Workflows.Payouts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Checkout.Functions.Orchestrations;

/// <summary>The payout workflow's Durable functions: the orchestrator (<see cref="PayoutOrchestration"/>) and one
/// activity per step, each delegating to <see cref="PayoutSteps"/>.</summary>
public static class PayoutOrchestrationFunctions
{
    [Function(PayoutOrchestration.Name)]
    public static Task<string> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context) => PayoutOrchestration.RunAsync(context);

    [Function(PayoutActivities.Send)]
    public static Task<string> SendAsync([ActivityTrigger] string input, FunctionContext context) => Steps(context).SendAsync(input, context.CancellationToken);

    [Function(PayoutActivities.Poll)]
    public static Task<string> PollAsync([ActivityTrigger] string input, FunctionContext context) => Steps(context).PollAsync(input, context.CancellationToken);

    [Function(PayoutActivities.Read)]
    public static Task<string> ReadAsync([ActivityTrigger] string input, FunctionContext context) => Steps(context).ReadAsync(input, context.CancellationToken);

    [Function(PayoutActivities.Retry)]
    public static Task<string> RetryAsync([ActivityTrigger] string input, FunctionContext context) => Steps(context).RetryAsync(input, context.CancellationToken);

    [Function(PayoutActivities.GiveUp)]
    public static Task<string> GiveUpAsync([ActivityTrigger] string input, FunctionContext context) => Steps(context).GiveUpAsync(input, context.CancellationToken);

    private static PayoutSteps Steps(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.InstanceServices.GetRequiredService<PayoutSteps>();
    }
}
