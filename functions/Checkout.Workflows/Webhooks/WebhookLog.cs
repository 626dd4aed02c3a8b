using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Webhooks;

/// <summary>Webhook logs, event ids 7000-7099. Never secrets, signatures or payloads: ids, types, status codes.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Error, Message = "Unreadable message on queue {QueueName}: {Reason}; dropped")]
    public static partial void Unreadable(ILogger logger, string queueName, string reason);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Debug, Message = "Event {EventId} ({EventType}) of merchant {MerchantId} fanned out to {Count} endpoint(s)")]
    public static partial void FannedOut(ILogger logger, string eventId, string eventType, string merchantId, int count);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Error, Message = "Fan-out of event(s) {EventIds} failed on delivery {DequeueCount}, the last; the message goes to poison")]
    public static partial void FanOutGivingUp(ILogger logger, Exception exception, string eventIds, long dequeueCount);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Error, Message = "Poisoned fan-out of event(s) {EventIds} failed again; parked for {Delay} before the next try")]
    public static partial void FanOutParked(ILogger logger, Exception exception, string eventIds, TimeSpan delay);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Debug, Message = "Deliveries of merchant {MerchantId} written with their first attempts: {Count} row(s)")]
    public static partial void FirstAttemptsRecorded(ILogger logger, string merchantId, int count);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "Deliveries {DeliveryIds} of merchant {MerchantId} were attempted but their rows not written; the message is retried and attempts them again with the same webhook-id")]
    public static partial void FirstAttemptsNotRecorded(ILogger logger, Exception exception, string deliveryIds, string merchantId);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Information, Message = "Delivery {DeliveryId} of event {EventId} was written already (the event came again in another message); its record is kept")]
    public static partial void DeliveryWrittenAlready(ILogger logger, string deliveryId, string eventId);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Debug, Message = "Redelivered fan-out: delivery {DeliveryId} is pending after attempt {Attempt}; its next attempt is queued again")]
    public static partial void NextAttemptRequeued(ILogger logger, string deliveryId, int attempt);

    [LoggerMessage(EventId = 7010, Level = LogLevel.Information, Message = "Delivery {DeliveryId} attempt {Attempt} to endpoint {EndpointId}: {Status} (HTTP {StatusCode}, {DurationMs} ms)")]
    public static partial void Attempted(ILogger logger, string deliveryId, int attempt, string endpointId, string status, int? statusCode, long durationMs);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Warning, Message = "Endpoint {EndpointId} of merchant {MerchantId} answered 410 Gone; disabled")]
    public static partial void EndpointDisabled(ILogger logger, string endpointId, string merchantId);

    [LoggerMessage(EventId = 7012, Level = LogLevel.Debug, Message = "Delivery {DeliveryId} attempt {Attempt} is stale or a duplicate; dropped")]
    public static partial void Stale(ILogger logger, string deliveryId, int attempt);

    [LoggerMessage(EventId = 7013, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} not found; attempt {Attempt} dropped")]
    public static partial void UnknownDelivery(ILogger logger, string deliveryId, int attempt);

    [LoggerMessage(EventId = 7014, Level = LogLevel.Error, Message = "Delivery {DeliveryId} attempt {Attempt} failed on delivery {DequeueCount}, the last; marking it failed")]
    public static partial void DeliveryGivingUp(ILogger logger, Exception exception, string deliveryId, int attempt, long dequeueCount);

    [LoggerMessage(EventId = 7015, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} failed without an attempt: {Reason}")]
    public static partial void DeliveryAbandoned(ILogger logger, string deliveryId, string reason);

    [LoggerMessage(EventId = 7016, Level = LogLevel.Debug, Message = "Delivery {DeliveryId} changed while attempt {Attempt} was made; recording the attempt on the row as it is now")]
    public static partial void AttemptRaced(ILogger logger, string deliveryId, int attempt);

    [LoggerMessage(EventId = 7017, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} attempt {Attempt} was made but not recorded: the delivery vanished or kept changing")]
    public static partial void NotRecorded(ILogger logger, string deliveryId, int attempt);

    [LoggerMessage(EventId = 7019, Level = LogLevel.Warning, Message = "Events {EventIds} were not delivered by their publisher ({Reason}); handed to the webhooks queue")]
    public static partial void HandedToQueue(ILogger logger, string eventIds, string reason);

    [LoggerMessage(EventId = 7018, Level = LogLevel.Information, Message = "Delivery {DeliveryId} had attempt {Attempt} recorded already; this HTTP attempt is recorded beside it as a duplicate ({Status})")]
    public static partial void RecordedAsDuplicate(ILogger logger, string deliveryId, int attempt, string status);
}
