using Checkout.Domain.Workflow;
using Checkout.Workflows.Orchestration;
using Checkout.Workflows.Persistence;
using Microsoft.DurableTask.Client;

namespace Checkout.Functions.Api;

/// <summary>
/// <c>POST /api/checkouts/{id}/payment</c> <c>{"payment":{"token"}}</c> (a card) or <c>{"payment":{"method":"alipay"}}</c>
/// (a wallet): a new payment method after a decline, raised
/// into the checkout's orchestration as its next payment attempt. Judged first by the state machine against the
/// checkout as last recorded, as confirm and cancel are: 410 once the checkout has ended, 409 when it is not
/// <c>requires_payment_method</c> or its quote has expired, otherwise 202. The event names the attempt it makes, so a
/// second retry accepted before the first was applied changes nothing.
/// </summary>
internal static class PaymentRetryHandler
{
    public static Task<IResult> RetryAsync(
        HttpContext context, string id, CheckoutStore store, DurableTaskClient client, TimeProvider clock, IdempotentPost idempotent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(idempotent);
        return MerchantWrite.HandleAsync(context, async write =>
        {
            var (merchant, key, body) = (write.MerchantId, write.IdempotencyKey, write.Body);
            var reader = new FieldReader(body.Root);
            var payment = CartRequestParser.Payment(reader, body.Root);
            if (reader.Problem() is { } problem)
            {
                return problem;
            }

            var stored = await OwnedCheckouts.FindAsync(store, merchant, id, cancellationToken);
            if (stored is null)
            {
                return ApiProblems.NotFound(id);
            }

            CartRequestParser.CheckWalletCurrency(reader, payment!, stored.State.Cart.PresentmentCurrency);
            if (reader.Problem() is { } currencyProblem)
            {
                return currencyProblem;
            }

            var request = new PaymentRetryRequest(payment!.Token, stored.State.PaymentAttempts.Count + 1, clock.GetUtcNow(), payment.Method);
            return await idempotent.RunAsync(context.Request, merchant, key, body.Bytes,
                () => RaiseAsync(context.Request, stored.State, request, client, cancellationToken), cancellationToken);
        }, cancellationToken);
    }

    private static async Task<ApiResponse> RaiseAsync(
        HttpRequest http, CheckoutState state, PaymentRetryRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var links = CheckoutLinks.For(http, state.Id);
        var decision = CheckoutStateMachine.Decide(state, new PaymentRetryRequested(request.Token, request.Attempt, request.At, request.Method));
        if (decision.Outcome == DecisionOutcome.Refused)
        {
            return CheckoutEventHandler.Refused(state, decision.Refusal!, links);
        }

        await client.RaiseEventAsync(state.Id, CheckoutOrchestration.PaymentEvent, request, cancellationToken);
        return ApiResponse.Json(StatusCodes.Status202Accepted, CheckoutViews.Accepted(decision.State, links), links.StatusQueryGetUri, StartCheckoutHandler.RetryAfterSeconds);
    }
}
