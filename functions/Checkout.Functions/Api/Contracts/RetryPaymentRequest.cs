namespace Checkout.Functions.Api.Contracts;

/// <summary>The body of <c>POST /api/checkouts/{id}/payment</c>: the new payment method, as the start takes it.</summary>
internal sealed record RetryPaymentRequest(PaymentRequest Payment);
