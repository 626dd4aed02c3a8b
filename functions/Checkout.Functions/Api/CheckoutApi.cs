using System.Globalization;
using Checkout.Functions.Api;
using Checkout.Functions.Api.Contracts;
using Checkout.Functions.OpenApi;
using Microsoft.OpenApi;

namespace Checkout.Functions;

/// <summary>The merchant HTTP API: routes, each behind API-key authentication, with the metadata the OpenAPI document
/// is generated from (regenerate with <c>./openapi.sh</c> after changing any of it).</summary>
internal static class CheckoutApi
{
    public const string CheckoutsRoute = "/api/checkouts";
    public const string EstimatesRoute = "/api/estimates";

    public static WebApplication MapCheckoutApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Unmatched routes, wrong methods and unhandled exceptions answer problem+json too, never an empty body.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var api = app.MapMerchantApiGroup();

        // Each endpoint is a function: its name is its function.json folder (see README, "Declaring a function").
        api.MapPost(CheckoutsRoute, StartCheckoutFunction.StartAsync)
            .Describe("StartCheckout", "Start a checkout", "Validates the cart and starts the workflow: FX quote, customs and logistics checks, then the landed cost awaits the buyer's confirmation. Poll the Location until 200.")
            .DocumentsJsonBody<StartCheckoutRequest>()
            .Produces<CheckoutAccepted>(StatusCodes.Status202Accepted)
            .WithPollingHeaders()
            .AcceptsIdempotencyKey()
            .ProducesProblems(400, 409, 413, 415, 422);

        api.MapGet(CheckoutsRoute, ListCheckoutsFunction.ListAsync)
            .Describe("ListCheckouts", "List checkouts", "The merchant's checkouts, a page at a time, as Durable's instance list: while more follow, the x-ms-continuation-token response header carries the token for the next page (send it back as that header or the continuationToken parameter). A page may hold fewer than top checkouts, even none, and still continue. Bad parameters are a 400 problem naming each one.")
            .DocumentsParameter("status", ParameterLocation.Query, "Only these statuses, comma-separated (e.g. completed,canceled).", new OpenApiSchema { Type = JsonSchemaType.String })
            .DocumentsParameter("createdFrom", ParameterLocation.Query, "Only checkouts created at or after this ISO 8601 date-time.", new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" })
            .DocumentsParameter("createdTo", ParameterLocation.Query, "Only checkouts created before this ISO 8601 date-time.", new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" })
            .DocumentsParameter("top", ParameterLocation.Query, $"Page size, 1 to {CheckoutListQueryParser.MaxPageSize} (default {CheckoutListQueryParser.DefaultPageSize}).", new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = CheckoutListQueryParser.MaxPageSize.ToString(CultureInfo.InvariantCulture) })
            .DocumentsParameter("continuationToken", ParameterLocation.Query, "The previous page's x-ms-continuation-token.", new OpenApiSchema { Type = JsonSchemaType.String })
            .DocumentsParameter(CheckoutListQueryParser.ContinuationHeader, ParameterLocation.Header, "The previous page's token, as Durable's list API takes it.", new OpenApiSchema { Type = JsonSchemaType.String })
            .Produces<CheckoutListView>(StatusCodes.Status200OK)
            .DocumentsResponseHeader(StatusCodes.Status200OK, CheckoutListQueryParser.ContinuationHeader, "Present while more pages follow: the token for the next page.")
            .ProducesProblems(400);

        api.MapGet(CheckoutsRoute + "/{id}", CheckoutStatusFunction.GetAsync)
            .Describe("GetCheckoutStatus", "Get a checkout's status", "202 with Location and Retry-After while the workflow runs, 200 once it has ended. Another merchant's checkout is 404, as an unknown id is.")
            .Produces<CheckoutStatusView>(StatusCodes.Status200OK)
            .Produces<CheckoutStatusView>(StatusCodes.Status202Accepted)
            .WithPollingHeaders()
            .ProducesProblems(404);

        api.MapPost(CheckoutsRoute + "/{id}/confirm", CheckoutEventFunction.ConfirmAsync)
            .Describe("ConfirmCheckout", "Confirm the landed cost", "The buyer accepts the quote it was shown. 409 when that quote expired or was superseded (the problem names the current one) or the checkout is not awaiting confirmation; 410 once it has ended.")
            .DocumentsJsonBody<ConfirmRequest>()
            .Produces<CheckoutAccepted>(StatusCodes.Status202Accepted)
            .WithPollingHeaders()
            .AcceptsIdempotencyKey()
            .ProducesProblems(400, 404, 409, 410, 413, 415, 422);

        api.MapPost(CheckoutsRoute + "/{id}/cancel", CheckoutEventFunction.CancelAsync)
            .Describe("CancelCheckout", "Cancel a checkout", "Before capture the checkout is canceled; after capture the payment is refunded first. 410 once it has ended.")
            .DocumentsJsonBody<CancelRequest>()
            .Produces<CheckoutAccepted>(StatusCodes.Status202Accepted)
            .WithPollingHeaders()
            .AcceptsIdempotencyKey()
            .ProducesProblems(400, 404, 409, 410, 413, 415, 422);

        api.MapPost(EstimatesRoute, EstimateFunction.EstimateAsync)
            .Describe("EstimateCheckout", "Price a cart", "Quote, landed cost and shipping options for a cart, synchronously. Starts nothing and writes nothing; 422 when the rules refuse the cart.", CheckoutDocumentTransformer.EstimatesTag)
            .DocumentsJsonBody<EstimateRequest>()
            .Produces<EstimateView>(StatusCodes.Status200OK)
            .AcceptsIdempotencyKey()
            .ProducesProblems(400, 413, 415, 422);
        return app;
    }

    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string name, string summary, string description, string tag = CheckoutDocumentTransformer.CheckoutsTag) =>
        builder.WithName(name).WithSummary(summary).WithDescription(description).WithTags(tag);
}
