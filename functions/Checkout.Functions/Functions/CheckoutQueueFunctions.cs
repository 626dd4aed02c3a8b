using Checkout.Functions.Hosting.QueueTriggers;
using Checkout.Workflows;
using Checkout.Workflows.Payouts;
using Checkout.Workflows.Steps;
using Checkout.Workflows.Webhooks;

namespace Checkout.Functions.Functions;

/// <summary>The queue-triggered functions: workflow steps, durable timers, payouts (sends and status polls), and the
/// poison queues that turn a message that kept failing into a <c>needs_attention</c> checkout instead of a silently
/// stuck one; webhook fan-out and delivery attempts, whose poison queues mark a delivery failed with the reason or
/// retry a fan-out later.</summary>
internal static class CheckoutQueueFunctions
{
    public static void Register(IServiceProvider services, QueueTriggerRegistry registry)
    {
        var options = services.GetRequiredService<CheckoutWorkflowOptions>();

        // Resolved per message, not here: the handler's dispatcher signals the listeners this registry creates.
        CheckoutWorkHandler Handler() => services.GetRequiredService<CheckoutWorkHandler>();
        QueueTriggerHandler step = (message, ct) => Handler().HandleAsync(message.Text, message.DequeueCount, ct);
        QueueTriggerHandler poison = (message, ct) => Handler().HandlePoisonAsync(message.Text, ct);
        PayoutWorkHandler Payouts() => services.GetRequiredService<PayoutWorkHandler>();
        WebhookFanOut FanOut() => services.GetRequiredService<WebhookFanOut>();
        WebhookDeliveryHandler Deliveries() => services.GetRequiredService<WebhookDeliveryHandler>();

        // Each entry is a function: its name is its function.json folder and, under the Functions host, its
        // POST /{FunctionName} invocation path (see README, "Declaring a function").
        registry
            .Add("CheckoutWork", options.WorkQueue, step)
            .Add("CheckoutTimers", options.TimersQueue, step)
            .Add("CheckoutWorkPoison", options.WorkQueue + "-poison", poison)
            .Add("CheckoutTimersPoison", options.TimersQueue + "-poison", poison)
            .Add("Payouts", options.PayoutsQueue, (message, ct) => Payouts().HandleAsync(message.Text, ct))
            .Add("PayoutsPoison", options.PayoutsQueue + "-poison", (message, ct) => Payouts().HandlePoisonAsync(message.Text, ct))
            .Add("WebhookFanOut", options.WebhooksQueue, (message, ct) => FanOut().HandleAsync(message.Text, message.DequeueCount, ct))
            .Add("WebhookFanOutPoison", options.WebhooksQueue + "-poison", (message, ct) => FanOut().HandlePoisonAsync(message.Text, ct))
            .Add("WebhookDelivery", options.WebhookDeliveriesQueue, (message, ct) => Deliveries().HandleAsync(message.Text, message.DequeueCount, ct))
            .Add("WebhookDeliveryPoison", options.WebhookDeliveriesQueue + "-poison", (message, ct) => Deliveries().HandlePoisonAsync(message.Text, ct));
    }
}
