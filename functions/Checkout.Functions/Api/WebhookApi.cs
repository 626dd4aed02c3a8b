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
        api.MapPost(EndpointsRoute, WebhookEndpointFunctions.CreateAsync).WithName("CreateWebhookEndpoint");
        api.MapGet(EndpointsRoute, WebhookEndpointFunctions.ListAsync).WithName("ListWebhookEndpoints");
        api.MapGet(EndpointsRoute + "/{id}", WebhookEndpointFunctions.GetAsync).WithName("GetWebhookEndpoint");
        api.MapDelete(EndpointsRoute + "/{id}", WebhookEndpointFunctions.DeleteAsync).WithName("DeleteWebhookEndpoint");
        return app;
    }
}
