using Checkout.Domain.Workflow;

namespace Checkout.Workflows.Persistence;

/// <summary>A checkout as the merchant API reads it: its state as last recorded by its orchestration, and its timeline.</summary>
public sealed record StoredCheckout(CheckoutState State, IReadOnlyList<HistoryEntry> Timeline);
