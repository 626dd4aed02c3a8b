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

        // Each endpoint is a function: its name is its function.json folder (see README, "Declaring a function").
        api.MapPost(CheckoutsRoute, StartCheckoutFunction.StartAsync).WithName("StartCheckout");
        api.MapGet(CheckoutsRoute + "/{id}", CheckoutStatusFunction.GetAsync).WithName("GetCheckoutStatus");
        api.MapPost(CheckoutsRoute + "/{id}/confirm", CheckoutEventFunction.ConfirmAsync).WithName("ConfirmCheckout");
        api.MapPost(CheckoutsRoute + "/{id}/cancel", CheckoutEventFunction.CancelAsync).WithName("CancelCheckout");
        api.MapPost(EstimatesRoute, EstimateFunction.EstimateAsync).WithName("EstimateCheckout");
        return app;
    }
}
