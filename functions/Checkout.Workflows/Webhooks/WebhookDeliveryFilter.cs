using Azure.Data.Tables;

namespace Checkout.Workflows.Webhooks;

/// <summary>What the deliveries list may be narrowed to; null fields do not filter.</summary>
/// <param name="EventIdPrefix">Events whose id starts so: a checkout's id finds every event about it (event ids are
/// derived from the id of what happened, and a checkout's payout and refund ids start with the checkout's).</param>
public sealed record WebhookDeliveryFilter(string? EventId = null, string? EndpointId = null, string? EventType = null, string? EventIdPrefix = null)
{
    public string ToODataFilter(string merchantId)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {merchantId}");
        if (EventId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"EventId eq {EventId}");
        }

        if (EventIdPrefix is { Length: > 0 } prefix)
        {
            // Every id that starts with the prefix sorts from it up to the prefix with its last character raised by one.
            var end = prefix[..^1] + (char)(prefix[^1] + 1);
            filter += " and " + TableClient.CreateQueryFilter($"EventId ge {prefix} and EventId lt {end}");
        }

        if (EndpointId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"EndpointId eq {EndpointId}");
        }

        if (EventType is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"EventType eq {EventType}");
        }

        return filter;
    }
}
