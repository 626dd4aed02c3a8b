using Checkout.Workflows.Webhooks;
using Microsoft.AspNetCore.Http.Features;

namespace Checkout.Functions.Api;

/// <summary>
/// <c>PATCH /api/webhook-endpoints/{id}</c> (url, eventTypes, enabled; <c>{}</c> or no body is a 200 no-op, as Stripe
/// answers an update without parameters) and <c>POST /{id}/rotate-secret</c> (a new secret, shown once; the old one
/// keeps signing beside it for 24 hours). Another merchant's endpoint answers 404 like an unknown id.
/// </summary>
internal static class WebhookEndpointChangeHandlers
{
    public static async Task<IResult> UpdateAsync(
        HttpContext context, string id, WebhookEndpointStore store, WebhookUrlPolicy policy, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        // No body at all (none announced, or a zero length) is the same no-op as {}.
        if (context.Request.ContentLength == 0 || context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false)
        {
            return await ApplyAsync(MerchantAuthentication.MerchantOf(context), id, new WebhookEndpointChanges(), store, clock, cancellationToken);
        }

        return await MerchantWrite.HandleAsync(context, write =>
        {
            var (changes, problem) = WebhookEndpointRequestParser.ParseChanges(write.Body.Root, policy);
            return changes is null ? Task.FromResult(problem!) : ApplyAsync(write.MerchantId, id, changes, store, clock, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>200 with the new secret (held encrypted by the idempotency store for a replay); 404 before anything is
    /// recorded when the endpoint is unknown or another merchant's.</summary>
    public static async Task<IResult> RotateSecretAsync(
        HttpContext context, string id, WebhookEndpointStore store, IdempotentPost idempotent, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(idempotent);
        var merchant = MerchantAuthentication.MerchantOf(context);
        var (key, requestProblem) = await IdempotentPost.ReadActionAsync(context.Request, cancellationToken);
        if (requestProblem is not null)
        {
            return requestProblem;
        }

        if (!WebhookEndpointHandlers.IsEndpointId(id) || await store.GetAsync(merchant, id, cancellationToken) is null)
        {
            return ApiProblems.WebhookNotFound("endpoint", id);
        }

        return await idempotent.RunAsync(context.Request, merchant, key, [], async () =>
        {
            var rotated = await store.RotateSecretAsync(merchant, id, WebhookSignature.NewSecret(), clock.GetUtcNow(), cancellationToken);
            return rotated is null
                ? ApiProblems.WebhookNotFound("endpoint", id)
                : ApiResponse.Json(StatusCodes.Status200OK, WebhookViews.Endpoint(rotated.Endpoint, rotated.Secret)) with { HoldsSecret = true };
        }, cancellationToken);
    }

    private static async Task<ApiResponse> ApplyAsync(
        string merchant, string id, WebhookEndpointChanges changes, WebhookEndpointStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!WebhookEndpointHandlers.IsEndpointId(id))
        {
            return ApiProblems.WebhookNotFound("endpoint", id);
        }

        var endpoint = changes.IsEmpty
            ? await store.GetAsync(merchant, id, cancellationToken)
            : await store.UpdateAsync(merchant, id, changes, clock.GetUtcNow(), cancellationToken);
        return endpoint is null ? ApiProblems.WebhookNotFound("endpoint", id) : ApiResponse.Json(StatusCodes.Status200OK, WebhookViews.Endpoint(endpoint));
    }
}
