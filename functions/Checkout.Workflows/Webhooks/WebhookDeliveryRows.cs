using System.Text.Json;
using Azure.Data.Tables;
using Checkout.Workflows.Serialization;

namespace Checkout.Workflows.Webhooks;

/// <summary>Maps deliveries to table rows: the body as binary (up to 64 KiB), the attempts as a JSON column.</summary>
internal static class WebhookDeliveryRows
{
    public static TableEntity ToRow(WebhookDelivery delivery) => new(delivery.MerchantId, delivery.Id)
    {
        ["EndpointId"] = delivery.EndpointId,
        ["EventId"] = delivery.EventId,
        ["EventType"] = delivery.EventType,
        ["WebhookId"] = delivery.WebhookId,
        ["Payload"] = delivery.Payload,
        ["CreatedAt"] = delivery.CreatedAt,
        ["Status"] = delivery.Status,
        ["AttemptCount"] = delivery.AttemptCount,
        ["AttemptsMade"] = delivery.AttemptsMade,
        ["Attempts"] = JsonSerializer.Serialize(delivery.Attempts, WorkflowJson.Options),
        ["LastError"] = delivery.LastError ?? string.Empty,
    };

    public static WebhookDelivery FromRow(TableEntity row)
    {
        var error = row.GetString("LastError");
        return new WebhookDelivery(
            row.RowKey,
            row.PartitionKey,
            Required(row, "EndpointId"),
            Required(row, "EventId"),
            Required(row, "EventType"),
            Required(row, "WebhookId"),
            row.GetBinary("Payload") ?? [],
            row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
            Required(row, "Status"),
            row.GetInt32("AttemptCount") ?? 0,
            JsonSerializer.Deserialize<List<WebhookAttempt>>(row.GetString("Attempts") ?? "[]", WorkflowJson.Options) ?? [],
            string.IsNullOrEmpty(error) ? null : error)
        {
            AttemptsMade = row.GetInt32("AttemptsMade") ?? row.GetInt32("AttemptCount") ?? 0,
        };
    }

    private static string Required(TableEntity row, string name) =>
        row.GetString(name) ?? throw new InvalidOperationException($"Delivery {row.PartitionKey}/{row.RowKey} has no {name}.");
}
