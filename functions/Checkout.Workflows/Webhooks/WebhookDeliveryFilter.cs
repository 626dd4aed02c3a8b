using Checkout.Storage.Tables;

namespace Checkout.Workflows.Webhooks;

/// <summary>What the deliveries list may be narrowed to; null fields do not filter.</summary>
public sealed record WebhookDeliveryFilter(string? EventId = null, string? EndpointId = null, string? EventType = null)
{
    public string ToODataFilter(string merchantId)
    {
        var filter = TableFilter.Create($"PartitionKey eq {merchantId}");
        if (EventId is not null)
        {
            filter += " and " + TableFilter.Create($"EventId eq {EventId}");
        }

        if (EndpointId is not null)
        {
            filter += " and " + TableFilter.Create($"EndpointId eq {EndpointId}");
        }

        if (EventType is not null)
        {
            filter += " and " + TableFilter.Create($"EventType eq {EventType}");
        }

        return filter;
    }
}
