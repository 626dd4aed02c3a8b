using Checkout.Functions.Api;

namespace Checkout.Functions.OpenApi;

/// <summary>Documents a list paged as every list is (<see cref="PageRequest"/>): the <c>limit</c> and <c>cursor</c>
/// parameters and the <c>Link</c> header of its 200.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PagedListAttribute : Attribute
{
    public int DefaultLimit { get; init; } = PageRequest.DefaultLimit;
}
