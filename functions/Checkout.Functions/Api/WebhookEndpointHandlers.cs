using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Checkout.Workflows.Webhooks;

namespace Checkout.Functions.Api;

/// <summary><c>/api/webhook-endpoints</c>: register (201, with rotation the only answers that show a secret), list, read,
/// delete (PATCH and rotation: <see cref="WebhookEndpointChangeHandlers"/>).
/// Another merchant's endpoint answers 404 like an unknown id.</summary>
internal static partial class WebhookEndpointHandlers
{
    public const int MaxEndpointsPerMerchant = 20;
    public const string ListName = "webhook-endpoints";

    public static Task<IResult> CreateAsync(
        HttpContext context, WebhookEndpointStore store, WebhookUrlPolicy policy, IdempotentPost idempotent, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(idempotent);
        return MerchantWrite.HandleAsync(context, async write =>
        {
            var (merchant, key, body) = (write.MerchantId, write.IdempotencyKey, write.Body);
            var (url, types, problem) = WebhookEndpointRequestParser.Parse(body.Root, policy);
            if (url is null)
            {
                return problem!;
            }

            var endpoint = new WebhookEndpointRegistration(EndpointId(merchant, key), merchant, url, types, clock.GetUtcNow());
            return await idempotent.RunAsync(context.Request, merchant, key, body.Bytes, () => CreateAsync(context.Request, store, endpoint, cancellationToken), cancellationToken);
        }, cancellationToken);
    }

    public static async Task<IResult> ListAsync(HttpContext context, WebhookEndpointStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        var merchant = MerchantAuthentication.MerchantOf(context);
        var query = new QueryReader(context.Request.Query);
        var page = PageRequest.Read(query, ListName, merchant, []);
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var endpoints = await store.ListAsync(merchant, cancellationToken);
        if (WebhookEndpointPages.Slice(endpoints, page.Limit, page.After) is not { } sliced)
        {
            return PageRequest.BadCursor();
        }

        return PagedListResponse.For(context.Request, page, sliced.Page.Select(e => WebhookViews.Endpoint(e)).ToList(), sliced.After);
    }

    public static async Task<IResult> GetAsync(HttpContext context, string id, WebhookEndpointStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var endpoint = IsEndpointId(id) ? await store.GetAsync(MerchantAuthentication.MerchantOf(context), id, cancellationToken) : null;
        return endpoint is null ? ApiProblems.WebhookNotFound("endpoint", id) : ApiResponse.Json(StatusCodes.Status200OK, WebhookViews.Endpoint(endpoint));
    }

    public static async Task<IResult> DeleteAsync(HttpContext context, string id, WebhookEndpointStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var deleted = IsEndpointId(id) && await store.DeleteAsync(MerchantAuthentication.MerchantOf(context), id, cancellationToken);
        return deleted ? Results.NoContent() : ApiProblems.WebhookNotFound("endpoint", id);
    }

    /// <summary>With an Idempotency-Key the id derives from it, so a retry whose idempotency record was lost finds the
    /// endpoint it created instead of registering a second one.</summary>
    public static string EndpointId(string merchantId, string? idempotencyKey) => idempotencyKey is null
        ? "we_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))
        : "we_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("webhook-endpoint\n" + merchantId + "\n" + idempotencyKey)))[..24];

    public static bool IsEndpointId(string id) => EndpointIdFormat().IsMatch(id);

    private static async Task<ApiResponse> CreateAsync(
        HttpRequest request, WebhookEndpointStore store, WebhookEndpointRegistration endpoint, CancellationToken cancellationToken)
    {
        var existing = await store.ListAsync(endpoint.MerchantId, cancellationToken);
        if (existing.Count >= MaxEndpointsPerMerchant && !existing.Any(e => e.Id == endpoint.Id))
        {
            return ApiProblems.WebhookConflict("webhook-endpoint-limit", "Too many webhook endpoints.",
                $"A merchant may register at most {MaxEndpointsPerMerchant} endpoints; delete one first.");
        }

        var created = await store.CreateAsync(endpoint, WebhookSignature.NewSecret(), cancellationToken);
        // The answer holds the plain secret: the idempotency record keeps it encrypted for a replay.
        return ApiResponse.Json(StatusCodes.Status201Created, WebhookViews.Endpoint(created.Endpoint, created.Secret), CheckoutLinks.Absolute(request, WebhookFunctions.EndpointsRoute + "/" + created.Endpoint.Id))
            with { HoldsSecret = true };
    }

    [GeneratedRegex("^we_[0-9a-f]{24}$", RegexOptions.CultureInvariant)]
    private static partial Regex EndpointIdFormat();
}
