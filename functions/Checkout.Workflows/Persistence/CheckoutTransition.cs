using Checkout.Domain.Workflow;

namespace Checkout.Workflows.Persistence;

/// <summary>What one committed transition writes: the new state, its history rows and the messages it owes.</summary>
public sealed record CheckoutTransition(CheckoutState State, IReadOnlyList<HistoryEntry> History, IReadOnlyList<OutboxMessage> Outbox);
