using Checkout.Domain.Workflow;
using Checkout.Functions.Api.Contracts;
using Checkout.Workflows.Orchestration;
using Checkout.Workflows.Persistence;
using Microsoft.DurableTask.Client;

namespace Checkout.Functions.Api;

/// <summary>
/// <c>POST /api/checkouts/{id}/confirm</c> <c>{quoteId}</c> and <c>/cancel</c> <c>{reason?}</c>: raise the buyer's event
/// into the checkout's orchestration. The state machine first judges the request against the checkout as last recorded,
/// so a request it would refuse is answered at once: 410 once the checkout has ended; 409 otherwise, the body naming
/// the current quote so the client can show it and confirm that one. Otherwise 202, and the orchestration applies the
/// event (a confirm that the quote's expiry overtook in between changes nothing: the checkout requotes as it would have).
/// An event is raised only once the engine has committed the orchestration's start (503 <c>checkout.starting</c>, with
/// Retry-After, if that takes more than a few seconds), since one raised before could be dropped.
/// </summary>
internal static class CheckoutEventHandler
{
    /// <summary>The reason a cancel without one records (a reason is optional, as Stripe's cancellation_reason is).</summary>
    public const string NoCancelReason = "canceled by the merchant (no reason given)";

    /// <summary>How long a buyer request waits for the checkout's workflow to have started (see
    /// <see cref="OrchestrationStarts.WaitUntilStartedAsync"/>): normally not at all; longer only after a crash.</summary>
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(3);

    public static Task<IResult> ConfirmAsync(
        HttpContext context, string id, CheckoutStore store, DurableTaskClient client, TimeProvider clock, IdempotentPost idempotent, CancellationToken cancellationToken) =>
        RaiseAsync(context, id, new BuyerEvent("quoteId", CheckoutOrchestration.ConfirmEvent, (value, at) => new ConfirmRequested(value, at)), store, client, clock, idempotent, cancellationToken);

    public static Task<IResult> CancelAsync(
        HttpContext context, string id, CheckoutStore store, DurableTaskClient client, TimeProvider clock, IdempotentPost idempotent, CancellationToken cancellationToken) =>
        RaiseAsync(context, id, new BuyerEvent("reason", CheckoutOrchestration.CancelEvent, (value, at) => new CancelRequested(value, at), NoCancelReason), store, client, clock, idempotent, cancellationToken);

    private static Task<IResult> RaiseAsync(
        HttpContext context, string id, BuyerEvent buyerEvent, CheckoutStore store, DurableTaskClient client, TimeProvider clock, IdempotentPost idempotent,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(idempotent);
        return MerchantWrite.HandleAsync(context, async write =>
        {
            var (merchant, key, body) = (write.MerchantId, write.IdempotencyKey, write.Body);
            var reader = new FieldReader(body.Root);
            var value = reader.String(body.Root, buyerEvent.Field, "#", 500, required: buyerEvent.Default is null) ?? buyerEvent.Default;
            if (reader.Problem() is { } problem)
            {
                return problem;
            }

            var stored = await OwnedCheckouts.FindAsync(store, merchant, id, cancellationToken);
            if (stored is null)
            {
                return ApiProblems.NotFound(id);
            }

            // Before the idempotency record, so a request answered "still starting" can be retried with the same key.
            if (!CheckoutTimeline.HasEnded(stored.State) && !await client.WaitUntilStartedAsync(id, StartPatience, clock, cancellationToken))
            {
                return ApiProblems.CheckoutStarting(id);
            }

            var request = new BuyerRequest(value!, clock.GetUtcNow());
            return await idempotent.RunAsync(context.Request, merchant, key, body.Bytes,
                () => RaiseAsync(context.Request, stored.State, buyerEvent, request, client, cancellationToken), cancellationToken);
        }, cancellationToken);
    }

    private static async Task<ApiResponse> RaiseAsync(
        HttpRequest http, CheckoutState state, BuyerEvent buyerEvent, BuyerRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var links = CheckoutLinks.For(http, state.Id);
        var decision = CheckoutStateMachine.Decide(state, buyerEvent.Create(request.Value, request.At));
        if (decision.Outcome != DecisionOutcome.Refused)
        {
            await client.RaiseEventAsync(state.Id, buyerEvent.Name, request, cancellationToken);
            return ApiResponse.Json(StatusCodes.Status202Accepted, CheckoutViews.Accepted(decision.State, links), links.StatusQueryGetUri, StartCheckoutHandler.RetryAfterSeconds);
        }

        return Refused(state, decision.Refusal!, links);
    }

    /// <summary>The answer to a buyer request the state machine refused: 410 once the checkout has ended, else 409 with
    /// the reason, the checkout's status and its current quote.</summary>
    public static ApiResponse Refused(CheckoutState state, Rejection refusal, CheckoutLinks links)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(links);
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

    /// <param name="Field">The body's one field.</param>
    /// <param name="Name">The orchestration's external event.</param>
    /// <param name="Default">The field's value when the body leaves it out; null when it is required.</param>
    private sealed record BuyerEvent(string Field, string Name, Func<string, DateTimeOffset, CheckoutEvent> Create, string? Default = null);
}
