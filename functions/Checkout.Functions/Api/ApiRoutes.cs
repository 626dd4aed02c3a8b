namespace Checkout.Functions.Api;

/// <summary>Where the API's HTTP functions are. host.json's <c>routePrefix</c> is empty so that the operations console
/// can be served at <c>/console/</c>; every API route carries this prefix itself, so the API stays at <c>/api/...</c>.</summary>
public static class ApiRoutes
{
    public const string Prefix = "api/";
}
