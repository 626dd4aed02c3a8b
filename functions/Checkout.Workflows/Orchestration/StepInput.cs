using Checkout.Domain.Workflow;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Webhooks;

namespace Checkout.Workflows.Orchestration;

/// <summary>What a step activity works on: the checkout as the orchestration holds it, the quote id a quote step
/// must issue (derived from the checkout, so a retried step issues the same quote), and, for the assessment and the
/// payout hand-off, what the record needs (<see cref="StepRecord"/>): the step then records the state its result leads
/// to itself, one activity where there were two.</summary>
public sealed record StepInput(CheckoutState State, string? QuoteId = null, StepRecord? Record = null);

/// <summary>What the checkout's last record announced, its timeline up to the step, and the ETag of that last write
/// (null when unknown). <see cref="Before"/>, the whole state last recorded, is what inputs scheduled before
/// <see cref="Announced"/> carried instead; it is read, never written.</summary>
public sealed record StepRecord(AnnouncedCheckout? Announced, IReadOnlyList<HistoryEntry> Timeline, string? ETag = null, CheckoutState? Before = null)
{
    public AnnouncedCheckout AnnouncedBefore => Announced ?? AnnouncedCheckout.Of(Before ?? throw new FormatException("A step's record needs what was announced before it."));
}
