using Azure.Data.Tables;
using Checkout.Domain.Monetary;
using Checkout.Domain.Workflow;
using Checkout.Functions.Api;
using Checkout.Functions.Api.Refunds;
using Checkout.Workflows;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Providers;
using Checkout.Workflows.Refunds;
using Checkout.Workflows.Webhooks;
using Microsoft.DurableTask.Client;

namespace Checkout.Functions.Operations;

/// <summary>
/// The console's API under <c>/api/console</c>: every merchant's checkouts, one checkout's whole story, and the actions.
/// An action runs the merchant API's own handler as the checkout's merchant (<see cref="MerchantAuthentication.ActAs"/>),
/// so it is judged, made idempotent and answered exactly as the merchant's would be, and is then recorded under the
/// operator's name (<see cref="OperatorActionLog"/>).
/// </summary>
internal static class OperatorHandlers
{
    /// <summary>Webhook deliveries shown per checkout at most.</summary>
    private const int MaxDeliveries = 100;

    public static IResult Session(HttpContext context) =>
        ApiResponse.Json(
            StatusCodes.Status200OK,
            new OperatorSessionView(OperatorAuthentication.OperatorOf(context), Iso4217.All.ToDictionary(c => c.Code.Value, c => c.MinorUnits, StringComparer.Ordinal)));

    public static Task<IResult> ListAsync(HttpContext context, CheckoutStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ListCheckoutsHandler.PageAsync(
            context,
            store,
            CheckoutListQueryParser.ParseForOperator(context.Request),
            c => new OperatorCheckoutSummary(c.Id, c.MerchantId, c.MerchantReference, c.Status, c.CreatedAt, c.UpdatedAt),
            cancellationToken);
    }

    public static async Task<IResult> GetAsync(HttpContext context, string id, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(client);
        var services = context.RequestServices;
        var stored = await services.GetRequiredService<CheckoutStore>().FindAnyAsync(id, cancellationToken);
        if (stored is null)
        {
            return ApiProblems.NotFound(id);
        }

        var state = stored.State;
        var refunds = await services.GetRequiredService<RefundStore>().ListAsync(state.MerchantId, state.Id, cancellationToken);
        (Money, IReadOnlyList<Refund>)? refunded = state.LandedCost is null
            ? null
            : (refunds.Summary?.Refunded ?? Money.Zero(state.LandedCost.Currency), refunds.Refunds);
        var checkout = CheckoutViews.Status(
            state, CheckoutLinks.For(context.Request, state.Id), stored.Timeline, refunded, services.GetRequiredService<ProviderMode>().LiveMode);
        var instance = await client.GetInstanceAsync(state.Id, getInputsAndOutputs: false, cancellationToken);
        var orchestration = instance is null
            ? null
            : new OrchestrationView(
                instance.InstanceId, instance.RuntimeStatus.ToString(), instance.CreatedAt, instance.LastUpdatedAt, instance.SerializedCustomStatus, instance.FailureDetails?.ErrorMessage,
                await EngineHistory.ReadAsync(services.GetRequiredService<TableServiceClient>(), services.GetRequiredService<CheckoutWorkflowOptions>(), instance.InstanceId, cancellationToken));
        var deliveries = await DeliveriesAsync(services.GetRequiredService<WebhookDeliveryStore>(), state, cancellationToken);
        var actions = await services.GetRequiredService<OperatorActionLog>().ListAsync(state.Id, cancellationToken);
        return ApiResponse.Json(StatusCodes.Status200OK, new OperatorCheckoutView(state.MerchantId, checkout, orchestration, deliveries, actions));
    }

    public static Task<IResult> RefundAsync(HttpContext context, string id, DurableTaskClient client, CancellationToken cancellationToken) =>
        ActAsync(context, id, "refund", services => RefundHandlers.CreateAsync(
            context, id, services.GetRequiredService<CheckoutStore>(), services.GetRequiredService<RefundStarter>(), client,
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IdempotentPost>(), cancellationToken), cancellationToken);

    public static Task<IResult> CancelAsync(HttpContext context, string id, DurableTaskClient client, CancellationToken cancellationToken) =>
        ActAsync(context, id, "cancel", services => CheckoutEventHandler.CancelAsync(
            context, id, services.GetRequiredService<CheckoutStore>(), client, services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IdempotentPost>(), cancellationToken), cancellationToken);

    /// <summary>Runs the merchant API's handler as the checkout's merchant, then records who did it and what it answered.</summary>
    private static async Task<IResult> ActAsync(
        HttpContext context, string id, string action, Func<IServiceProvider, Task<IResult>> handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        var stored = await services.GetRequiredService<CheckoutStore>().FindAnyAsync(id, cancellationToken);
        if (stored is null)
        {
            return ApiProblems.NotFound(id);
        }

        MerchantAuthentication.ActAs(context, stored.State.MerchantId);
        var answer = await handler(services);
        if (answer is ApiResponse response)
        {
            await services.GetRequiredService<OperatorActionLog>().RecordAsync(
                id, OperatorAuthentication.OperatorOf(context), action, response, context.Request.Headers[IdempotentPost.HeaderName].ToString(), cancellationToken);
        }

        return answer;
    }

    /// <summary>Deliveries of the events about the checkout: every event id about it, its payout's and its refunds'
    /// included, starts with the checkout's id (<c>co_…</c>, <c>co_…-payout.…</c>, <c>co_…-r1.…</c>), so they are one
    /// prefix range of the merchant's deliveries.</summary>
    private static async Task<IReadOnlyList<Api.Contracts.WebhookDeliveryView>> DeliveriesAsync(WebhookDeliveryStore store, CheckoutState state, CancellationToken cancellationToken)
    {
        var found = new List<WebhookDelivery>();
        string? next = null;
        do
        {
            var (items, continuation) = await store.ListAsync(state.MerchantId, new WebhookDeliveryFilter(EventIdPrefix: state.Id), MaxDeliveries, next, cancellationToken);
            found.AddRange(items);
            next = continuation;
        }
        while (next is not null && found.Count < MaxDeliveries);

        return [.. found.OrderBy(d => d.CreatedAt).Take(MaxDeliveries).Select(WebhookViews.Delivery)];
    }
}
