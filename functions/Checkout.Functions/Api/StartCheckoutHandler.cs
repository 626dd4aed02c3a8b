using System.Security.Cryptography;
using System.Text;
using Checkout.Domain.Buyers;
using Checkout.Domain.Estimates;
using Checkout.Domain.Workflow;
using Checkout.Workflows.Orchestration;
using Microsoft.DurableTask.Client;

namespace Checkout.Functions.Api;

/// <summary><c>POST /api/checkouts</c>: validates the cart and starts the workflow; 202 with the status URI. A cart the
/// rules refuse (destination not served, postal code malformed, sanctions, goods restrictions, no rates) answers the
/// estimate endpoint's 422 at once, writing nothing and starting nothing, rather than a checkout rejected later.</summary>
internal static class StartCheckoutHandler
{
    public const int RetryAfterSeconds = 2;

    public static Task<IResult> StartAsync(
        HttpContext context, CheckoutStarter starter, DurableTaskClient client, TimeProvider clock, CheckoutEstimator estimator, IdempotentPost idempotent,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(starter);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(idempotent);
        return MerchantWrite.HandleAsync(context, async write =>
        {
            var (merchant, key, body) = (write.MerchantId, write.IdempotencyKey, write.Body);
            var (request, problem) = CartRequestParser.Parse(body.Root, requirePayment: true);
            if (request is null)
            {
                return problem!;
            }

            var now = clock.GetUtcNow();
            if (estimator.Estimate(request.Cart, now, "validation") is EstimateRejected rejected)
            {
                return ApiProblems.EstimateRejected(rejected.Code, rejected.Detail);
            }

            return await idempotent.RunAsync(context.Request, merchant, key, body.Bytes,
                () => StartAsync(context.Request, starter, client, Created(merchant, CheckoutId(merchant, key), request, now), request.Identity, cancellationToken), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>With an Idempotency-Key the id is derived from it, so a retry whose record was lost still cannot start
    /// a second checkout; without one, a new id per request.</summary>
    public static string CheckoutId(string merchantId, string? idempotencyKey) => idempotencyKey is null
        ? "co_" + Guid.NewGuid().ToString("N")
        : "co_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(merchantId + "\n" + idempotencyKey)))[..32];

    private static CheckoutState Created(string merchant, string id, CartRequest request, DateTimeOffset now) => new()
    {
        Id = id,
        MerchantId = merchant,
        MerchantReference = request.MerchantReference,
        Cart = request.Cart,
        PaymentToken = request.Payment!.Token,
        PaymentMethod = request.Payment.Method,
        BuyerIdentity = request.Identity?.Masked(),
        CreatedAt = now,
        UpdatedAt = now,
    };

    private static async Task<ApiResponse> StartAsync(
        HttpRequest http, CheckoutStarter starter, DurableTaskClient client, CheckoutState created, BuyerIdentity? identity, CancellationToken cancellationToken)
    {
        await starter.StartAsync(client, created, cancellationToken, identity);
        var links = CheckoutLinks.For(http, created.Id);
        return ApiResponse.Json(StatusCodes.Status202Accepted, CheckoutViews.Accepted(created, links), links.StatusQueryGetUri, RetryAfterSeconds);
    }
}
