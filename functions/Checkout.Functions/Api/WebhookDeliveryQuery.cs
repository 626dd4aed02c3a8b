using System.Globalization;
using Checkout.Workflows.Webhooks;

namespace Checkout.Functions.Api;

/// <summary>The query string of <c>GET /api/webhook-deliveries</c>: <c>eventId</c>, <c>eventType</c>, <c>endpointId</c>,
/// <c>limit</c> (1-100) and <c>cursor</c>. Errors name the parameter; any other parameter is refused as unknown.</summary>
internal sealed record WebhookDeliveryQuery(WebhookDeliveryFilter Filter, int Limit, string? Cursor)
{
    public static (WebhookDeliveryQuery? Query, ApiResponse? Problem) Parse(IQueryCollection parameters)
    {
        var reader = new QueryReader(parameters);
        var eventId = Check(reader, "eventId", 200);
        var eventType = reader.Single("eventType");
        var endpointId = Check(reader, "endpointId", 100);
        var limit = reader.Single("limit");
        var cursor = Check(reader, "cursor", 2000);
        var pageSize = WebhookDeliveryHandlers.DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > WebhookDeliveryHandlers.MaxLimit))
        {
            reader.Fail("limit", $"Must be an integer from 1 to {WebhookDeliveryHandlers.MaxLimit}.");
        }

        if (eventType is not null && !WebhookEventTypes.IsKnown(eventType))
        {
            reader.Fail("eventType", $"Must be one of: {string.Join(", ", WebhookEventTypes.All)}.");
        }

        return reader.Problem() is { } problem
            ? (null, problem)
            : (new WebhookDeliveryQuery(new WebhookDeliveryFilter(eventId, endpointId, eventType), pageSize, cursor), null);
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
