namespace Checkout.Functions.OpenApi;

/// <summary>Endpoint metadata: the function is behind merchant API keys (it runs through <c>MerchantApi.RunAsync</c>),
/// so the document lists the security schemes and a 401 for it. Functions without it (health, the document itself, the
/// payout rail's signed webhook) are documented as open.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresApiKeyAttribute : Attribute;
