using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>The body of <c>POST /api/checkouts/{id}/cancel</c>; <c>{}</c> cancels without a reason.</summary>
internal sealed record CancelRequest(
    [property: Description("Optional, 1 to 500 characters; recorded in the checkout's timeline.")] string? Reason = null);
