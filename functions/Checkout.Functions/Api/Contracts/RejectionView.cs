namespace Checkout.Functions.Api.Contracts;

/// <summary>Why the rules refused the checkout, e.g. <c>customs.prohibited</c>.</summary>
internal sealed record RejectionView(string Code, string Detail);
