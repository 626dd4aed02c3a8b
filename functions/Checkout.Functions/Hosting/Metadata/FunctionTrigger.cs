namespace Checkout.Functions.Hosting.Metadata;

/// <summary>What starts a function: the two trigger types this app declares in function.json.</summary>
public enum FunctionTrigger
{
    Http,
    Queue,
}
