using Checkout.Domain.Workflow;
using Checkout.Workflows.Persistence;

namespace Checkout.Workflows.Orchestration;

/// <summary>The record activity's input: the checkout as last recorded and as it is now (the difference is what the
/// merchant's webhooks announce), with its whole timeline, and the ETag of the orchestration's last write of the row
/// (null when unknown).</summary>
public sealed record RecordInput(CheckoutState Before, CheckoutState After, IReadOnlyList<HistoryEntry> Timeline, string? ETag = null);
