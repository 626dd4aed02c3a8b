using Checkout.Workflows.Webhooks;

namespace Checkout.Functions.Api;

/// <summary>The query string of <c>GET /api/webhook-deliveries</c>: <c>eventId</c>, <c>eventType</c>, <c>endpointId</c>,
/// and <c>limit</c> and <c>cursor</c> as every list takes them. Errors name the parameter; any other parameter is
/// refused as unknown.</summary>
internal sealed record WebhookDeliveryQuery(WebhookDeliveryFilter Filter, PageRequest Page)
{
    public const string ListName = "webhook-deliveries";

    public static (WebhookDeliveryQuery? Query, ApiResponse? Problem) Parse(IQueryCollection parameters, string merchantId)
    {
        var reader = new QueryReader(parameters);
        var eventId = Check(reader, "eventId", 200);
        var eventType = reader.Single("eventType");
        var endpointId = Check(reader, "endpointId", 100);
        if (eventType is not null && !WebhookEventTypes.IsKnown(eventType))
        {
            reader.Fail("eventType", $"Must be one of: {string.Join(", ", WebhookEventTypes.All)}.");
        }

        var page = PageRequest.Read(reader, ListName, merchantId, [eventId, eventType, endpointId]);
        return reader.Problem() is { } problem
            ? (null, problem)
            : (new WebhookDeliveryQuery(new WebhookDeliveryFilter(eventId, endpointId, eventType), page), null);
    }

    private static string? Check(QueryReader reader, string name, int maxLength)
    {
        var value = reader.Single(name);
        if (value is not null && (string.IsNullOrWhiteSpace(value) || value.Length > maxLength))
        {
            reader.Fail(name, $"Must be non-blank and at most {maxLength} characters.");
        }

        return value;
    }
}
