using Checkout.Domain.Payments;

namespace Checkout.Workflows.Orchestration;

/// <summary>The payload of a <c>payment</c> event: the new payment method (a card's token, or a wallet with an empty
/// token), the attempt the API saw coming next (so the orchestration recognises a repeated or overtaken request) and when
/// the API received it.</summary>
public sealed record PaymentRetryRequest(string Token, int Attempt, DateTimeOffset At, PaymentMethodType Method = PaymentMethodType.Card);
