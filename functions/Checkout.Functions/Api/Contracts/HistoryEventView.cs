namespace Checkout.Functions.Api.Contracts;

/// <summary>One transition of the checkout: the event, when, and the status it left.</summary>
internal sealed record HistoryEventView(int Sequence, string EventType, DateTimeOffset Timestamp, string Status, string? Detail);
