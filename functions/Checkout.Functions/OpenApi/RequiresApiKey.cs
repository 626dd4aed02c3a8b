namespace Checkout.Functions.OpenApi;

/// <summary>Endpoint metadata: the endpoint is behind merchant API keys, so the document lists the security schemes
/// and a 401 for it. Endpoints without it (health, the document itself) are documented as open.</summary>
internal sealed class RequiresApiKey
{
    public static RequiresApiKey Instance { get; } = new();
}
