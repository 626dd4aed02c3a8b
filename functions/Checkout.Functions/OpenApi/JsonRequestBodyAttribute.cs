namespace Checkout.Functions.OpenApi;

/// <summary>Documents the JSON request body the function reads itself (see <see cref="OpenApiEndpointExtensions.DocumentsJsonBody"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class JsonRequestBodyAttribute(Type bodyType) : Attribute
{
    public Type BodyType { get; } = bodyType;
}
