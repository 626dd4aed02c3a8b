using System.Globalization;
using System.Text.Json;
using Checkout.Domain.Monetary;
using Checkout.Domain.Workflow;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Refunds;
using Microsoft.DurableTask.Client;

namespace Checkout.Functions.Api.Refunds;

/// <summary>
/// <c>/api/checkouts/{id}/refunds</c>: refund a completed checkout, in part or in full, and read its refunds. A request
/// is judged before anything is written: 404 for a checkout the merchant does not own, 409 when it is not completed
/// (one canceled after capture was refunded by its workflow), 422 for an amount in another currency. Whether the amount
/// fits what remains is decided by the reservation itself (atomic, so refunds racing never exceed the capture): 422
/// naming <c>amount</c> when it does not, with nothing written.
/// </summary>
internal static class RefundHandlers
{
    public const string NotCompletedCode = "refund.checkout_not_completed";
    private const string ListName = "refunds";

    public static Task<IResult> CreateAsync(
        HttpContext context, string id, CheckoutStore store, RefundStarter starter, DurableTaskClient client, TimeProvider clock, IdempotentPost idempotent,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(starter);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(idempotent);
        return MerchantWrite.HandleAsync(context, async write =>
        {
            var reader = new FieldReader(write.Body.Root);
            var amount = Amount(reader, write.Body.Root);
            var reason = reader.String(write.Body.Root, "reason", "#", 500, required: false);
            if (reader.Problem() is { } problem)
            {
                return problem;
            }

            var stored = await OwnedCheckouts.FindAsync(store, write.MerchantId, id, cancellationToken);
            if (stored is null)
            {
                return ApiProblems.NotFound(id);
            }

            var state = stored.State;
            if (state.Phase != CheckoutPhase.Completed || state.LandedCost is null)
            {
                return ApiProblems.Conflict(NotCompletedCode, NotCompletedDetail(state), p => p with { CheckoutStatus = state.Phase.ToStatus() });
            }

            var captured = state.LandedCost.AmountDueAtCheckout;
            if (amount is { } asked && asked.Currency != captured.Currency)
            {
                return ApiProblems.Validation([new ApiFieldError("#/amount/currency", $"Must be {captured.Currency}, the checkout's presentment currency (what the buyer paid).")]);
            }

            return await idempotent.RunAsync(context.Request, write.MerchantId, write.IdempotencyKey, write.Body.Bytes, async () =>
            {
                var reservation = await starter.StartAsync(client, write.MerchantId, state.Id, captured, amount, reason, clock.GetUtcNow(), cancellationToken);
                return reservation.Created is { } refund
                    ? ApiResponse.Json(StatusCodes.Status201Created, RefundViews.View(refund), RefundViews.Location(context.Request, refund))
                    : ApiProblems.Validation([new ApiFieldError("#/amount", ExceedsDetail(reservation.Remaining))]);
            }, cancellationToken);
        }, cancellationToken);
    }

    public static async Task<IResult> ListAsync(HttpContext context, string id, CheckoutStore store, RefundStore refunds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(refunds);
        var merchant = MerchantAuthentication.MerchantOf(context);
        var query = new QueryReader(context.Request.Query);
        var page = PageRequest.Read(query, ListName, merchant, [id]);
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        if (await OwnedCheckouts.FindAsync(store, merchant, id, cancellationToken) is null)
        {
            return ApiProblems.NotFound(id);
        }

        // A checkout's refunds are one partition range, numbered in the order they were made: read whole, paged here,
        // resuming after the number of the last one shown.
        var after = 0;
        if (page.After is not null && !int.TryParse(page.After, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            return PageRequest.BadCursor();
        }

        var (_, all) = await refunds.ListAsync(merchant, id, cancellationToken);
        var remaining = all.Where(r => r.Number > after).OrderBy(r => r.Number).ToList();
        var shown = remaining.Take(page.Limit).ToList();
        var next = remaining.Count > shown.Count ? shown[^1].Number.ToString(CultureInfo.InvariantCulture) : null;
        return PagedListResponse.For(context.Request, page, [.. shown.Select(RefundViews.View)], next);
    }

    /// <summary>The refund row sits in the merchant's partition under the checkout's id: another merchant's refund reads
    /// as absent, as an unknown one does.</summary>
    public static async Task<IResult> GetAsync(HttpContext context, string id, string refundId, RefundStore refunds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(refunds);
        var merchant = MerchantAuthentication.MerchantOf(context);
        var refund = await refunds.GetAsync(merchant, id, refundId, cancellationToken);
        return refund is null
            ? ApiProblems.RefundNotFound(refundId)
            : ApiResponse.Json(StatusCodes.Status200OK, RefundViews.View(refund));
    }

    /// <summary>The optional <c>amount</c>: <c>{value, currency}</c>, value in minor units and more than zero.</summary>
    private static Money? Amount(FieldReader reader, JsonElement root)
    {
        if (reader.Value(root, "amount", "#") is null)
        {
            return null;
        }

        if (reader.Object(root, "amount", "#") is not { } amount)
        {
            return null;
        }

        var value = reader.Integer(amount, "value", "#/amount", 1, CartRequestParser.MaxMinorUnits);
        var text = reader.String(amount, "currency", "#/amount", 3);
        if (value is null || text is null)
        {
            return null;
        }

        if (!new MoneyAmount(value.Value, text).TryToMoney(out var money, out var error))
        {
            reader.Fail("#/amount/currency", error);
            return null;
        }

        return money;
    }

    private static string NotCompletedDetail(CheckoutState state) => state.Phase == CheckoutPhase.Canceled
        ? $"Checkout '{state.Id}' is canceled: a payment captured before its cancel was refunded in full by its workflow."
        : $"Checkout '{state.Id}' is {state.Phase.ToStatus()}; only a completed checkout can be refunded.";

    private static string ExceedsDetail(Money remaining) => remaining.IsZero
        ? "Nothing remains refundable: the capture is refunded in full or held by pending refunds."
        : $"Must be at most {MoneyAmount.FromMoney(remaining).Value} ({remaining.Currency} minor units), what remains refundable.";
}
