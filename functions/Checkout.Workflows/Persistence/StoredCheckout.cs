using Azure;
using Checkout.Domain.Workflow;

namespace Checkout.Workflows.Persistence;

/// <summary>A checkout as read: its state and the ETag that guards the next transition.</summary>
public sealed record StoredCheckout(CheckoutState State, ETag ETag);
