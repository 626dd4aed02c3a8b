using System.Text.Json;
using Checkout.Domain.Payouts;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Checkout.Workflows.Providers;

namespace Checkout.Workflows.Payouts;

/// <summary>
/// Receives the rail's signed status updates: <c>{ "id", "type": "payout.updated", "data": { "payoutId", "merchantId",
/// "idempotencyKey", "railPayoutId", "status", "failureCode", "failureMessage" } }</c>. A verified update moves the
/// attempt exactly as a status poll would, then wakes the payout's orchestration; duplicates and stale attempts change
/// nothing.
/// </summary>
public sealed class RailWebhookHandler(
    PayoutProcessor processor, PayoutOrchestrations orchestrations, PayoutOptions options, TimeProvider clock, ILogger<RailWebhookHandler> logger)
{
    public const string SignatureHeader = "Rail-Signature";

    public async Task<RailWebhookOutcome> HandleAsync(string body, string? signature, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (ProviderWebhookSignature.Verify(options.RailWebhookSecret, signature, body, clock.GetUtcNow(), options.RailWebhookTolerance) is { } refusal)
        {
            PayoutLog.WebhookRefused(logger, refusal);
            return RailWebhookOutcome.Unauthenticated;
        }

        if (Read(body) is not { } update)
        {
            PayoutLog.WebhookRefused(logger, "signed body is not a payout update");
            return RailWebhookOutcome.Malformed;
        }

        var (merchantId, payoutId, attempt, result) = update;
        await processor.ApplyAsync(merchantId, payoutId, attempt, result, cancellationToken);
        await orchestrations.RailUpdatedAsync(client, payoutId, cancellationToken);
        return RailWebhookOutcome.Accepted;
    }

    /// <summary>The body a rail sends for an attempt's new status (used by the sandbox and tests to play the rail).</summary>
    public static string Body(string eventId, string merchantId, string payoutId, string idempotencyKey, PayoutRailResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonSerializer.Serialize(new
        {
            id = eventId,
            type = "payout.updated",
            data = new { payoutId, merchantId, idempotencyKey, railPayoutId = result.RailPayoutId, status = result.Status.ToWire(), failureCode = result.FailureCode, failureMessage = result.FailureMessage },
        });
    }

    private static (string MerchantId, string PayoutId, int Attempt, PayoutRailResult Result)? Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var data = document.RootElement.GetProperty("data");
            string? Text(string name) => data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            var (merchantId, payoutId, key) = (Text("merchantId"), Text("payoutId"), Text("idempotencyKey"));
            if (merchantId is null || payoutId is null || key is null || !Payout.TryParseAttempt(payoutId, key, out var attempt)
                || !PayoutStatusNames.TryParse(Text("status"), out var status))
            {
                return null;
            }

            return (merchantId, payoutId, attempt, new PayoutRailResult(Text("railPayoutId") ?? string.Empty, status, Text("failureCode"), Text("failureMessage")));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
