using Checkout.Functions.Api;

namespace Checkout.Functions;

/// <summary>The webhook routes of the merchant API, behind the same API-key authentication as checkouts.</summary>
internal static class WebhookApi
{
    public const string EndpointsRoute = "/api/webhook-endpoints";

    public static WebApplication MapWebhookApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(string.Empty).AddEndpointFilter<MerchantAuthentication>();
        api.MapPost(EndpointsRoute, WebhookEndpointFunctions.CreateAsync);
        api.MapGet(EndpointsRoute, WebhookEndpointFunctions.ListAsync);
        api.MapGet(EndpointsRoute + "/{id}", WebhookEndpointFunctions.GetAsync);
        api.MapDelete(EndpointsRoute + "/{id}", WebhookEndpointFunctions.DeleteAsync);
        return app;
    }
}
