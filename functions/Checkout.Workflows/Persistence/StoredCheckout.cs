using Checkout.Domain.Workflow;
using Checkout.Storage;

namespace Checkout.Workflows.Persistence;

/// <summary>A checkout as read: its state, the ETag that guards the next transition, and outbox rows not yet sent.</summary>
public sealed record StoredCheckout(CheckoutState State, ETag ETag, IReadOnlyList<OutboxMessage> PendingOutbox);
