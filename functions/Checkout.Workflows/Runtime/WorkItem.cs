using System.Text.Json;
using Checkout.Workflows.Serialization;

namespace Checkout.Workflows.Runtime;

/// <summary>The body of every workflow queue message: which checkout, which step, and the step's derived ids.</summary>
public sealed record WorkItem(string CheckoutId, string Step, string? QuoteId = null, DateTimeOffset? DueAt = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, WorkflowJson.Options);

    /// <exception cref="FormatException">The text is not a work item: retrying cannot help.</exception>
    public static WorkItem Parse(string text)
    {
        try
        {
            var item = JsonSerializer.Deserialize<WorkItem>(text, WorkflowJson.Options);
            return item is { CheckoutId.Length: > 0, Step.Length: > 0 }
                ? item
                : throw new FormatException("Work item lacks checkoutId or step.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not a work item: {ex.Message}", ex);
        }
    }
}
