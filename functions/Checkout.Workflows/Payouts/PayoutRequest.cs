using System.Text.Json;
using Checkout.Workflows.Serialization;

namespace Checkout.Workflows.Payouts;

/// <summary>A payouts-queue message: send the payout's current attempt, and follow it with the payout's orchestration
/// unless the rail paid it at once (instance id = payout id, so a redelivered request starts nothing new).
/// <paramref name="CreatedPostedFor"/> is the attempt whose payout-created ledger posting the sender made before sending
/// this message (the hand-off does), so the send need not post it again; null when unknown (older messages).</summary>
public sealed record PayoutRequest(string MerchantId, string PayoutId, int? CreatedPostedFor = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, WorkflowJson.Options);

    /// <exception cref="FormatException">Not a payout request: retrying cannot help.</exception>
    public static PayoutRequest Parse(string text)
    {
        try
        {
            var request = JsonSerializer.Deserialize<PayoutRequest>(text, WorkflowJson.Options);
            return request is { MerchantId.Length: > 0, PayoutId.Length: > 0 }
                ? request
                : throw new FormatException("Payout request lacks merchantId or payoutId.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not a payout request: {ex.Message}", ex);
        }
    }
}
