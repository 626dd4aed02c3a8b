using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>The body of <c>GET /api/checkouts</c>; the next page's token is in the x-ms-continuation-token header.</summary>
[Description("One page of the merchant's checkouts, in id order. More pages follow while x-ms-continuation-token is sent.")]
internal sealed record CheckoutListView(IReadOnlyList<CheckoutSummaryView> Checkouts);
