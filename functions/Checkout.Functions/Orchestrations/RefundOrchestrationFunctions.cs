using Checkout.Workflows.Refunds;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Checkout.Functions.Orchestrations;

/// <summary>The refund workflow's Durable functions: the orchestrator (<see cref="RefundOrchestration"/>) and one
/// activity per step, each delegating to <see cref="RefundSteps"/>.</summary>
public static class RefundOrchestrationFunctions
{
    [Function(RefundOrchestration.Name)]
    public static Task<string> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context) => RefundOrchestration.RunAsync(context);

    [Function(RefundActivities.CallGateway)]
    public static Task<string> CallGatewayAsync([ActivityTrigger] string input, FunctionContext context) =>
        Steps(context).CallGatewayAsync(input, context.CancellationToken);

    [Function(RefundActivities.Finish)]
    public static Task<string> FinishAsync([ActivityTrigger] string input, FunctionContext context) =>
        Steps(context).FinishAsync(input, context.CancellationToken);

    private static RefundSteps Steps(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.InstanceServices.GetRequiredService<RefundSteps>();
    }
}
