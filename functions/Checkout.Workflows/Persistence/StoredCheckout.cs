using System.Text.Json.Serialization;
using Checkout.Domain.Workflow;
using Checkout.Workflows.Serialization;

namespace Checkout.Workflows.Persistence;

/// <summary>A checkout as the merchant API reads it: its state as last recorded by its orchestration, and its timeline.
/// <paramref name="Assessment"/> is kept only on the row the assessment step recorded itself (see
/// <see cref="RecordedAssessment"/>); any later record replaces the row without it.</summary>
public sealed record StoredCheckout(CheckoutState State, IReadOnlyList<HistoryEntry> Timeline, RecordedAssessment? Assessment = null);

/// <summary>The events an assessment step answered with when it recorded the state they lead to, for the quote it
/// issued: a run of the same step again (its activity run twice, or once more after a crash before the engine kept its
/// result) answers with these rather than its own, so what the engine keeps is what the buyer was shown.</summary>
/// <param name="Events">The events as <see cref="Orchestration.CheckoutJson.WriteEvents"/> writes them.</param>
public sealed record RecordedAssessment(string QuoteId, [property: JsonConverter(typeof(EmbeddedJsonConverter))] string Events);
