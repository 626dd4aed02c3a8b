using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>Why the payment service declined an attempt, e.g. <c>payment.card_declined</c>.</summary>
[Description("A payment service's decline: a stable code and a message that may be shown to the buyer.")]
internal sealed record PaymentErrorView(string Code, string Message);
