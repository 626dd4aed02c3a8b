using Checkout.Domain.Estimates;

namespace Checkout.Functions.Api;

/// <summary><c>POST /api/estimates</c>: the checkout body without <c>payment</c>, priced synchronously by the domain's
/// estimator. 200 with quote, landed cost and shipping options, or 422 with the rejection. Writes nothing, so it needs
/// no idempotency record: the same request simply yields the same kind of answer.</summary>
internal static class EstimateHandler
{
    public static async Task<IResult> EstimateAsync(HttpContext context, CheckoutEstimator estimator, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(clock);
        var (key, keyProblem) = IdempotentPost.ReadKey(context.Request);
        if (keyProblem is not null)
        {
            return keyProblem;
        }

        _ = key;
        var (body, problem) = await RequestBody.ReadAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        using (body)
        {
            var (request, refused) = CartRequestParser.Parse(body.Root, requirePayment: false);
            if (request is null)
            {
                return refused!;
            }

            return estimator.Estimate(request.Cart, clock.GetUtcNow(), "est_" + Guid.NewGuid().ToString("N")) switch
            {
                Estimate estimate => ApiResponse.Json(StatusCodes.Status200OK, CheckoutViews.Estimate(estimate)),
                EstimateRejected rejected => ApiProblems.EstimateRejected(rejected.Code, rejected.Detail),
                var other => throw new InvalidOperationException($"Unexpected estimate result {other.GetType().Name}."),
            };
        }
    }
}
