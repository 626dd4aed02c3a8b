using Checkout.Workflows.Payouts;
using Checkout.Workflows.Webhooks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Checkout.Functions.Triggers;

/// <summary>
/// The queue-triggered functions: payout requests (each sends its payout, and starts the orchestration that follows one not paid at once), webhook fan-out and delivery
/// attempts, and their poison queues, which say so loudly, mark a delivery failed with the reason or retry a fan-out
/// later. Queue names are app
/// settings (<see cref="TriggerSettings"/>), as the Functions host resolves them; <c>dequeueCount</c> is the trigger's
/// metadata, bound by name.
/// </summary>
public static class QueueFunctions
{
    [Function("Payouts")]
    public static Task PayoutsAsync([QueueTrigger(TriggerSettings.PayoutsQueue)] string message, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        Service<PayoutOrchestrations>(context).HandleRequestAsync(client, message, context.CancellationToken);

    [Function("PayoutsPoison")]
    public static void PayoutsPoison([QueueTrigger(TriggerSettings.PayoutsQueue + "-poison")] string message, FunctionContext context) =>
        Service<PayoutOrchestrations>(context).HandlePoisonedRequest(message);

    [Function("WebhookFanOut")]
    public static Task WebhookFanOutAsync([QueueTrigger(TriggerSettings.WebhooksQueue)] string message, long dequeueCount, FunctionContext context) =>
        Service<WebhookFanOut>(context).HandleAsync(message, dequeueCount, context.CancellationToken);

    [Function("WebhookFanOutPoison")]
    public static Task WebhookFanOutPoisonAsync([QueueTrigger(TriggerSettings.WebhooksQueue + "-poison")] string message, FunctionContext context) =>
        Service<WebhookFanOut>(context).HandlePoisonAsync(message, context.CancellationToken);

    [Function("WebhookDelivery")]
    public static Task WebhookDeliveryAsync([QueueTrigger(TriggerSettings.WebhookDeliveriesQueue)] string message, long dequeueCount, FunctionContext context) =>
        Service<WebhookDeliveryHandler>(context).HandleAsync(message, dequeueCount, context.CancellationToken);

    [Function("WebhookDeliveryPoison")]
    public static Task WebhookDeliveryPoisonAsync([QueueTrigger(TriggerSettings.WebhookDeliveriesQueue + "-poison")] string message, FunctionContext context) =>
        Service<WebhookDeliveryHandler>(context).HandlePoisonAsync(message, context.CancellationToken);

    private static T Service<T>(FunctionContext context)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.InstanceServices.GetRequiredService<T>();
    }
}
