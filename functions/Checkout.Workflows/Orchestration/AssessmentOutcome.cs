using System.Text.Json.Serialization;
using Checkout.Workflows.Serialization;

namespace Checkout.Workflows.Orchestration;

/// <summary>The assessment's answer when the orchestration asked it to record its result: the events, in order (as
/// <see cref="CheckoutJson.WriteEvents"/> writes them), and, when it recorded the state they lead to, that state's
/// sequence and the row's new ETag. Not recorded when the row had changed since the orchestration's last write and held
/// no earlier run's record of this assessment: the orchestration records it as before.</summary>
public sealed record AssessmentOutcome([property: JsonConverter(typeof(EmbeddedJsonConverter))] string Events, int? RecordedSequence = null, string? RecordedETag = null);
