using System.Security.Cryptography;
using System.Text;
using Checkout.Domain.Estimates;
using Checkout.Domain.Workflow;
using Checkout.Workflows.Runtime;

namespace Checkout.Functions.Api;

/// <summary><c>POST /api/checkouts</c>: validates the cart and starts the workflow; 202 with the status URI. A cart the
/// rules refuse (destination not served, postal code malformed, sanctions, goods restrictions, no rates) answers the
/// estimate endpoint's 422 at once, writing nothing and starting nothing, rather than a checkout rejected later.</summary>
internal static class StartCheckoutHandler
{
    public const int RetryAfterSeconds = 2;

    public static Task<IResult> StartAsync(
        HttpContext context, CheckoutRuntime runtime, CheckoutEstimator estimator, IdempotentPost idempotent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(idempotent);
        return MerchantWrite.HandleAsync(context, async write =>
        {
            var (merchant, key, body) = (write.MerchantId, write.IdempotencyKey, write.Body);
            var (request, errors) = CartRequestParser.Parse(body.Root, requirePayment: true);
            if (request is null)
            {
                return ApiProblems.Validation(errors);
            }

            if (estimator.Estimate(request.Cart, runtime.Clock.GetUtcNow(), "validation") is EstimateRejected rejected)
            {
                return ApiProblems.EstimateRejected(rejected.Code, rejected.Detail);
            }

            return await idempotent.RunAsync(context.Request, merchant, key, body.Bytes,
                () => StartAsync(context.Request, runtime, merchant, CheckoutId(merchant, key), request, cancellationToken), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>With an Idempotency-Key the id is derived from it, so a retry whose record was lost still cannot start
    /// a second checkout; without one, a new id per request.</summary>
    public static string CheckoutId(string merchantId, string? idempotencyKey) => idempotencyKey is null
        ? "co_" + Guid.NewGuid().ToString("N")
        : "co_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(merchantId + "\n" + idempotencyKey)))[..32];

    private static async Task<ApiResponse> StartAsync(
        HttpRequest http, CheckoutRuntime runtime, string merchant, string id, CartRequest request, CancellationToken cancellationToken)
    {
        var now = runtime.Clock.GetUtcNow();
        var state = new CheckoutState
        {
            Id = id,
            MerchantId = merchant,
            MerchantReference = request.MerchantReference,
            Cart = request.Cart,
            PaymentToken = request.PaymentToken!,
            CreatedAt = now,
            UpdatedAt = now,
        };

        // False only when this derived id exists already: the same merchant's retry, answered the same way.
        await runtime.StartAsync(state, cancellationToken);
        var links = CheckoutLinks.For(http, id);
        return ApiResponse.Json(StatusCodes.Status202Accepted, CheckoutViews.Accepted(state, links), links.StatusQueryGetUri, RetryAfterSeconds);
    }
}
