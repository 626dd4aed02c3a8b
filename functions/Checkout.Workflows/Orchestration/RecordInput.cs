using Checkout.Domain.Workflow;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Webhooks;

namespace Checkout.Workflows.Orchestration;

/// <summary>The record activity's input: what the checkout's last record announced and the checkout as it is now (the
/// difference is what the merchant's webhooks announce), with its whole timeline, and the ETag of the orchestration's
/// last write of the row (null when unknown). <see cref="Before"/>, the whole state last recorded, is what inputs
/// scheduled before <see cref="Announced"/> carried instead; it is read, never written.</summary>
public sealed record RecordInput(AnnouncedCheckout? Announced, CheckoutState After, IReadOnlyList<HistoryEntry> Timeline, string? ETag = null, CheckoutState? Before = null)
{
    public AnnouncedCheckout AnnouncedBefore => Announced ?? AnnouncedCheckout.Of(Before ?? throw new FormatException("A record needs what was announced before it."));
}
