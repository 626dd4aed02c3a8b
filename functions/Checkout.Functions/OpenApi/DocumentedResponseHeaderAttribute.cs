namespace Checkout.Functions.OpenApi;

/// <summary>Documents a response header of one status.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class DocumentedResponseHeaderAttribute(int status, string name, string description) : Attribute
{
    public int Status { get; } = status;

    public string Name { get; } = name;

    public string Description { get; } = description;
}
