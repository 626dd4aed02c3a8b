using Checkout.Functions.Api.Contracts;
using Checkout.Functions.OpenApi;
using Microsoft.AspNetCore.Http.Metadata;

namespace Checkout.Functions.Api;

internal static class MerchantApiGroup
{
    /// <summary>A group of routes behind merchant API keys: the authentication filter, and the metadata that puts the
    /// API-key schemes and the 401 problem in the OpenAPI document for every route of the group.</summary>
    public static RouteGroupBuilder MapMerchantApiGroup(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup(string.Empty).AddEndpointFilter<MerchantAuthentication>();
        group.WithMetadata(RequiresApiKey.Instance, new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(ProblemView), [OpenApiEndpointExtensions.ProblemContentType]));
        return group;
    }
}
