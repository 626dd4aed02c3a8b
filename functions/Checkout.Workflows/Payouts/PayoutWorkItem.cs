using System.Text.Json;
using Checkout.Workflows.Serialization;

namespace Checkout.Workflows.Payouts;

/// <summary>A payouts-queue message: send attempt <see cref="Attempt"/> to the rail (<c>send</c>) or ask the rail for
/// its status (<c>poll</c>, a durable timer). A message for an attempt that is no longer current changes nothing.</summary>
public sealed record PayoutWorkItem(string MerchantId, string PayoutId, int Attempt, string Kind)
{
    public const string Send = "send";
    public const string Poll = "poll";

    public string ToJson() => JsonSerializer.Serialize(this, WorkflowJson.Options);

    /// <exception cref="FormatException">Not a payout work item: retrying cannot help.</exception>
    public static PayoutWorkItem Parse(string text)
    {
        try
        {
            var item = JsonSerializer.Deserialize<PayoutWorkItem>(text, WorkflowJson.Options);
            return item is { MerchantId.Length: > 0, PayoutId.Length: > 0, Attempt: > 0, Kind: Send or Poll }
                ? item
                : throw new FormatException("Payout work item lacks merchantId, payoutId, attempt or a known kind.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not a payout work item: {ex.Message}", ex);
        }
    }
}
