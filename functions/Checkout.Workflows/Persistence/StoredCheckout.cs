using Checkout.Domain.Workflow;
using Checkout.Storage;

namespace Checkout.Workflows.Persistence;

/// <summary>A checkout as read: its state and the ETag that guards the next transition.</summary>
public sealed record StoredCheckout(CheckoutState State, ETag ETag);
