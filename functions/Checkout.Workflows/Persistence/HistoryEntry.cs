namespace Checkout.Workflows.Persistence;

/// <summary>One applied event of a checkout's timeline, as the status API's <c>?showHistory=true</c> shows it.</summary>
public sealed record HistoryEntry(int Sequence, string EventType, DateTimeOffset At, string Status, string? Detail);
