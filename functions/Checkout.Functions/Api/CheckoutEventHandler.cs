using Checkout.Domain.Workflow;
using Checkout.Functions.Api.Contracts;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Runtime;

namespace Checkout.Functions.Api;

/// <summary>
/// <c>POST /api/checkouts/{id}/confirm</c> <c>{quoteId}</c> and <c>/cancel</c> <c>{reason}</c>: raise the buyer's event.
/// 202 when applied (or already applied); 410 once the checkout has ended; 409 when the state machine refuses, the body
/// naming the current quote so the client can show it and confirm that one.
/// </summary>
internal static class CheckoutEventHandler
{
    public static Task<IResult> ConfirmAsync(HttpContext context, string id, CheckoutStore store, CheckoutRuntime runtime, IdempotentPost idempotent, CancellationToken cancellationToken) =>
        RaiseAsync(context, id, "quoteId", (value, at) => new ConfirmRequested(value, at), store, runtime, idempotent, cancellationToken);

    public static Task<IResult> CancelAsync(HttpContext context, string id, CheckoutStore store, CheckoutRuntime runtime, IdempotentPost idempotent, CancellationToken cancellationToken) =>
        RaiseAsync(context, id, "reason", (value, at) => new CancelRequested(value, at), store, runtime, idempotent, cancellationToken);

    private static Task<IResult> RaiseAsync(
        HttpContext context, string id, string field, Func<string, DateTimeOffset, CheckoutEvent> create,
        CheckoutStore store, CheckoutRuntime runtime, IdempotentPost idempotent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(idempotent);
        return MerchantWrite.HandleAsync(context, async write =>
        {
            var (merchant, key, body) = (write.MerchantId, write.IdempotencyKey, write.Body);
            var reader = new FieldReader();
            var value = reader.String(body.Root, field, "#", 500);
            if (value is null)
            {
                return ApiProblems.Validation(reader.Errors);
            }

            var stored = await OwnedCheckouts.FindAsync(store, merchant, id, cancellationToken);
            if (stored is null)
            {
                return ApiProblems.NotFound(id);
            }

            return await idempotent.RunAsync(context.Request, merchant, key, body.Bytes,
                () => ApplyAsync(context.Request, stored, create(value, runtime.Clock.GetUtcNow()), runtime, cancellationToken), cancellationToken);
        }, cancellationToken);
    }

    private static async Task<ApiResponse> ApplyAsync(HttpRequest http, StoredCheckout stored, CheckoutEvent @event, CheckoutRuntime runtime, CancellationToken cancellationToken)
    {
        var links = CheckoutLinks.For(http, stored.State.Id);
        var decision = (await runtime.ApplyAsync(stored, @event, cancellationToken)).Decision!;
        var state = decision.State;
        if (decision.Outcome != DecisionOutcome.Refused)
        {
            return ApiResponse.Json(StatusCodes.Status202Accepted, CheckoutViews.Accepted(state, links), links.StatusQueryGetUri, StartCheckoutHandler.RetryAfterSeconds);
        }

        var refusal = decision.Refusal!;
        if (refusal.Code == "checkout.terminal")
        {
            return ApiProblems.Gone(state.Id, state.Phase.ToStatus());
        }

        return ApiProblems.Conflict(refusal.Code, refusal.Detail, problem => problem with
        {
            CheckoutStatus = state.Phase.ToStatus(),
            CurrentQuote = state.Quote is null ? null : new CurrentQuoteView(state.Quote.Id, state.Quote.ExpiresAt),
            StatusQueryGetUri = links.StatusQueryGetUri,
        });
    }
}
