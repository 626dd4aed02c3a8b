namespace Checkout.Workflows.Persistence;

/// <summary>A queue message a transition owes the world, stored in the checkout's partition until it is sent.</summary>
/// <param name="RowKey">Derived from the transition's sequence number, so a re-decided transition writes the same rows.</param>
/// <param name="VisibleAt">When the message should become visible: now for steps, the due time for timers.</param>
/// <param name="WrittenAt">When the transition committed it (workflow clock): the sweeper's measure of a row's age.</param>
public sealed record OutboxMessage(string RowKey, string Queue, string Body, DateTimeOffset VisibleAt, DateTimeOffset WrittenAt);
