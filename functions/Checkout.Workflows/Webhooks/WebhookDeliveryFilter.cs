using Azure.Data.Tables;

namespace Checkout.Workflows.Webhooks;

/// <summary>What the deliveries list may be narrowed to; null fields do not filter.</summary>
public sealed record WebhookDeliveryFilter(string? EventId = null, string? EndpointId = null, string? EventType = null)
{
    public string ToODataFilter(string merchantId)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {merchantId}");
        if (EventId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"EventId eq {EventId}");
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
