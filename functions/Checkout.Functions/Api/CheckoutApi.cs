using Checkout.Functions.Api;

namespace Checkout.Functions;

/// <summary>The merchant HTTP API: routes, each behind API-key authentication.</summary>
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
        var api = app.MapGroup(string.Empty).AddEndpointFilter<MerchantAuthentication>();
        api.MapPost(CheckoutsRoute, StartCheckoutFunction.StartAsync);
        api.MapGet(CheckoutsRoute + "/{id}", CheckoutStatusFunction.GetAsync);
        api.MapPost(CheckoutsRoute + "/{id}/confirm", CheckoutEventFunction.ConfirmAsync);
        api.MapPost(CheckoutsRoute + "/{id}/cancel", CheckoutEventFunction.CancelAsync);
        api.MapPost(EstimatesRoute, EstimateFunction.EstimateAsync);
        return app;
    }
}
