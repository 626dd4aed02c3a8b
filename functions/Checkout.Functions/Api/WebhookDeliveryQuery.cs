using System.Globalization;
using Checkout.Workflows.Webhooks;

namespace Checkout.Functions.Api;

/// <summary>The query string of <c>GET /api/webhook-deliveries</c>: <c>eventId</c>, <c>eventType</c>, <c>endpointId</c>,
/// <c>limit</c> (1-100) and <c>cursor</c>. Errors name the parameter.</summary>
internal sealed record WebhookDeliveryQuery(WebhookDeliveryFilter Filter, int Limit, string? Cursor)
{
    public static (WebhookDeliveryQuery? Query, IReadOnlyList<ApiFieldError> Errors) Parse(
        string? eventId, string? eventType, string? endpointId, string? limit, string? cursor)
    {
        var errors = new List<ApiFieldError>();
        var pageSize = WebhookDeliveryHandlers.DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > WebhookDeliveryHandlers.MaxLimit))
        {
            errors.Add(new ApiFieldError("limit", $"Must be an integer from 1 to {WebhookDeliveryHandlers.MaxLimit}."));
        }

        Check(eventId, "eventId", 200, errors);
        Check(endpointId, "endpointId", 100, errors);
        Check(cursor, "cursor", 2000, errors);
        if (eventType is not null && !WebhookEventTypes.IsKnown(eventType))
        {
            errors.Add(new ApiFieldError("eventType", $"Must be one of: {string.Join(", ", WebhookEventTypes.All)}."));
        }

        return errors.Count > 0 ? (null, errors) : (new WebhookDeliveryQuery(new WebhookDeliveryFilter(eventId, endpointId, eventType), pageSize, cursor), []);
    }

    private static void Check(string? value, string name, int maxLength, List<ApiFieldError> errors)
    {
        if (value is not null && (string.IsNullOrWhiteSpace(value) || value.Length > maxLength))
        {
            errors.Add(new ApiFieldError(name, $"Must be non-blank and at most {maxLength} characters."));
        }
    }
}
