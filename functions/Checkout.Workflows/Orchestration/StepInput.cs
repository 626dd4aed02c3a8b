using Checkout.Domain.Workflow;
using Checkout.Workflows.Persistence;

namespace Checkout.Workflows.Orchestration;

/// <summary>What a step activity works on: the checkout as the orchestration holds it, the quote id a quote step
/// must issue (derived from the checkout, so a retried step issues the same quote), and, for the assessment and the
/// payout hand-off, what the record needs (<see cref="StepRecord"/>): the step then records the state its result leads
/// to itself, one activity where there were two.</summary>
public sealed record StepInput(CheckoutState State, string? QuoteId = null, StepRecord? Record = null);

/// <summary>The checkout as last recorded (what its webhooks announced so far), its timeline up to the step, and the
/// ETag of that last write (null when unknown).</summary>
public sealed record StepRecord(CheckoutState Before, IReadOnlyList<HistoryEntry> Timeline, string? ETag = null);
