using System.Text.Json;
using Checkout.Functions.Api;
using Checkout.Functions.Api.Contracts;

namespace Checkout.Functions.Operations;

/// <summary>A checkout in the console's list: the merchant's list entry with the merchant it belongs to.</summary>
internal sealed record OperatorCheckoutSummary(string Id, string MerchantId, string? MerchantReference, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>One checkout as an operator sees it: what its merchant sees (status, history, landed cost with its rules,
/// quote, payment attempts, refunds), its orchestration as the engine holds it, every webhook delivery about it with
/// each attempt's response, and what operators did to it.</summary>
internal sealed record OperatorCheckoutView(
    string MerchantId,
    CheckoutStatusView Checkout,
    OrchestrationView? Orchestration,
    IReadOnlyList<WebhookDeliveryView> WebhookDeliveries,
    IReadOnlyList<OperatorActionView> Actions);

/// <summary>The Durable orchestration behind a checkout: null when the engine no longer has it (purged).</summary>
/// <param name="History">The engine's own history of the instance (<see cref="EngineHistory"/>).</param>
internal sealed record OrchestrationView(
    string InstanceId, string RuntimeStatus, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt, string? CustomStatus, string? Failure, EngineHistoryView? History);

internal sealed record OperatorActionView(string Operator, string Action, DateTimeOffset At, int Status, string Outcome, bool Replayed);

/// <param name="MinorUnits">Each currency's ISO 4217 minor-unit exponent: amounts are in minor units, and the page
/// shows and reads them with these (a browser's own currency data differs, e.g. for PKR).</param>
internal sealed record OperatorSessionView(string Operator, IReadOnlyDictionary<string, int> MinorUnits);

internal static class OperatorViews
{
    /// <summary>What an action's answer said, in a line: a problem's detail, or the resource's id and status.</summary>
    public static string Outcome(ApiResponse answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        try
        {
            using var body = JsonDocument.Parse(answer.Body);
            var root = body.RootElement;
            var text = root.ValueKind != JsonValueKind.Object ? string.Empty
                : root.TryGetProperty("detail", out var detail) ? detail.GetString() ?? string.Empty
                : $"{Text(root, "id")} {Text(root, "status")}".Trim();
            return text.Length > 500 ? text[..500] : text;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}

internal sealed record AttentionView(IReadOnlyList<AttentionCheckoutView> Checkouts, IReadOnlyList<OperatorPayoutView> FailedPayouts, IReadOnlyList<PoisonMessageView> PoisonMessages);

internal sealed record AttentionCheckoutView(string Id, string MerchantId, string? MerchantReference, DateTimeOffset UpdatedAt, string Reason);

/// <param name="SourceQueue">The queue the message failed in, where moving it back puts it.</param>
internal sealed record PoisonMessageView(string Queue, string SourceQueue, string MessageId, DateTimeOffset? InsertedAt, long DequeueCount, string Body, string Reason);

internal sealed record OperatorPayoutView(string MerchantId, Api.Payouts.PayoutView Payout);

internal sealed record FxView(Checkout.Workflows.Fx.FxRateStatus Status, IReadOnlyList<FxRateView> Rates);

/// <param name="UnitsPerEuro">As a decimal string, as quotes give rates.</param>
internal sealed record FxRateView(string Currency, string UnitsPerEuro, DateOnly AsOf, string Source);

internal sealed record ActivityView(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ActivityMinuteView> Minutes);

internal sealed record ActivityMinuteView(DateTimeOffset Minute, int Started, int Completed, int Failed);

internal sealed record LedgerView(string MerchantId, IReadOnlyList<LedgerTransactionView> Transactions);

/// <param name="Complete">False when the header and the stored entries disagree (a torn write the reconciliation reports).</param>
internal sealed record LedgerTransactionView(string Id, string? Description, DateTimeOffset? At, bool Complete, IReadOnlyList<LedgerEntryView> Entries);

internal sealed record LedgerEntryView(string Account, string Direction, Checkout.Domain.Monetary.MoneyAmount Amount);
