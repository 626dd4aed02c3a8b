namespace Checkout.Workflows.Orchestration;

/// <summary>The payload of a <c>confirm</c> (the quote id) or <c>cancel</c> (the reason) event, with the time the
/// API received it: a confirm made before the quote expired counts as made then, however late it is processed.</summary>
public sealed record BuyerRequest(string Value, DateTimeOffset At);
