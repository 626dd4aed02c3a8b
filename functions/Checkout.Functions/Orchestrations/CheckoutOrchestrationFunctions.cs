using Checkout.Workflows.Orchestration;
using Checkout.Workflows.Steps;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Checkout.Functions.Orchestrations;

/// <summary>
/// The checkout workflow's Durable functions: the orchestrator (<see cref="CheckoutOrchestration"/> decides, with the
/// domain's state machine) and one activity per step, each delegating to <see cref="CheckoutSteps"/>. Inputs and
/// outputs are JSON text (<see cref="CheckoutJson"/>), so they read the same whichever host's data converter carried them.
/// </summary>
public static class CheckoutOrchestrationFunctions
{
    [Function(CheckoutOrchestration.Name)]
    public static Task<string> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context) => CheckoutOrchestration.RunAsync(context);

    [Function(CheckoutActivities.Assess)]
    public static Task<string> AssessAsync([ActivityTrigger] string input, FunctionContext context) =>
        Steps(context).AssessAsync(input, context.CancellationToken);

    [Function(CheckoutActivities.QuoteFx)]
    public static string QuoteFx([ActivityTrigger] string input, FunctionContext context) => Steps(context).QuoteFx(input);

    [Function(CheckoutActivities.ScreenCustoms)]
    public static string ScreenCustoms([ActivityTrigger] string input, FunctionContext context) => Steps(context).ScreenCustoms(input);

    [Function(CheckoutActivities.PlanLogistics)]
    public static string PlanLogistics([ActivityTrigger] string input, FunctionContext context) => Steps(context).PlanLogistics(input);

    [Function(CheckoutActivities.PriceLandedCost)]
    public static string PriceLandedCost([ActivityTrigger] string input, FunctionContext context) => Steps(context).PriceLandedCost(input);

    [Function(CheckoutActivities.Capture)]
    public static Task<string> CaptureAsync([ActivityTrigger] string input, FunctionContext context) =>
        Steps(context).CaptureAsync(input, context.CancellationToken);

    [Function(CheckoutActivities.CaptureAndHandOff)]
    public static Task<string> CaptureAndHandOffAsync([ActivityTrigger] string input, FunctionContext context) =>
        Steps(context).CaptureAndHandOffAsync(input, context.CancellationToken);

    [Function(CheckoutActivities.CreateWalletPayment)]
    public static Task<string> CreateWalletPaymentAsync([ActivityTrigger] string input, FunctionContext context) =>
        Steps(context).CreateWalletPaymentAsync(input, context.CancellationToken);

    [Function(CheckoutActivities.CloseWalletPayment)]
    public static Task<string> CloseWalletPaymentAsync([ActivityTrigger] string input, FunctionContext context) =>
        Steps(context).CloseWalletPaymentAsync(input, context.CancellationToken);

    [Function(CheckoutActivities.Refund)]
    public static Task<string> RefundAsync([ActivityTrigger] string input, FunctionContext context) =>
        Steps(context).RefundAsync(input, context.CancellationToken);

    [Function(CheckoutActivities.HandOffToPayout)]
    public static Task<string> HandOffToPayoutAsync([ActivityTrigger] string input, FunctionContext context) =>
        Steps(context).HandOffToPayoutAsync(input, context.CancellationToken);

    [Function(CheckoutActivities.Record)]
    public static Task<string?> RecordAsync([ActivityTrigger] string input, FunctionContext context) =>
        Steps(context).RecordAsync(input, context.CancellationToken);

    private static CheckoutSteps Steps(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.InstanceServices.GetRequiredService<CheckoutSteps>();
    }
}
