using Checkout.Domain.Workflow;

namespace Checkout.Workflows.Orchestration;

/// <summary>What a step activity works on: the checkout as the orchestration holds it, and the quote id a quote step
/// must issue (derived from the checkout, so a retried step issues the same quote).</summary>
public sealed record StepInput(CheckoutState State, string? QuoteId = null);
