using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>The payment method, tokenized by the payment service.</summary>
internal sealed record PaymentRequest([property: Description("A payment-service token, e.g. tok_sandbox_success.")] string Token);
