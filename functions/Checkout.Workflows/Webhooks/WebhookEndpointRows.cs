using Azure.Data.Tables;
using Checkout.Workflows.Secrets;

namespace Checkout.Workflows.Webhooks;

/// <summary>Maps webhook endpoints to table rows and applies a PATCH's changes to a row read under its ETag.</summary>
internal static class WebhookEndpointRows
{
    public const string DisabledReason = "DisabledReason";
    public const string DisabledAt = "DisabledAt";
    public const string PreviousSecretExpiresAt = "PreviousSecretExpiresAt";

    public static TableEntity ToRow(WebhookEndpoint endpoint) => new(endpoint.MerchantId, endpoint.Id)
    {
        ["Url"] = endpoint.Url.AbsoluteUri,
        ["EventTypes"] = string.Join(' ', endpoint.EventTypes),
        [WebhookEndpointStore.SecretProperty] = endpoint.Secret.Stored,
        ["CreatedAt"] = endpoint.CreatedAt,
    };

    public static WebhookEndpoint FromRow(TableEntity row)
    {
        var types = row.GetString("EventTypes") ?? string.Empty;
        var reason = row.GetString(DisabledReason);
        var previous = row.GetString(WebhookEndpointStore.PreviousSecretProperty);
        return new WebhookEndpoint(
            row.RowKey,
            row.PartitionKey,
            new Uri(row.GetString("Url") ?? throw new InvalidOperationException($"Endpoint {row.RowKey} has no URL.")),
            types.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            new ProtectedValue(
                row.GetString(WebhookEndpointStore.SecretProperty) ?? throw new InvalidOperationException($"Endpoint {row.RowKey} has no secret."),
                WebhookEndpointStore.SecretField(row.PartitionKey, row.RowKey)),
            row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
            string.IsNullOrEmpty(reason) ? null : reason,
            string.IsNullOrEmpty(previous) ? null : new ProtectedValue(previous, WebhookEndpointStore.PreviousSecretField(row.PartitionKey, row.RowKey)),
            row.GetDateTimeOffset(PreviousSecretExpiresAt));
    }

    /// <summary>Writes the changes into the row; disabling keeps an existing reason (a 410 says more than "merchant").</summary>
    public static void Apply(TableEntity row, WebhookEndpointChanges changes, DateTimeOffset at)
    {
        if (changes.Url is { } url)
        {
            row["Url"] = url.AbsoluteUri;
        }

        if (changes.EventTypes is { } types)
        {
            row["EventTypes"] = string.Join(' ', types);
        }

        if (changes.Enabled == true)
        {
            row.Remove(DisabledReason);
            row.Remove(DisabledAt);
        }
        else if (changes.Enabled == false && string.IsNullOrEmpty(row.GetString(DisabledReason)))
        {
            row[DisabledReason] = $"Disabled by the merchant on {at:O}.";
            row[DisabledAt] = at;
        }
    }
}
