namespace Checkout.LocalHost.Queues;

/// <summary>Queue-trigger log messages; event ids 1000-1099. Message ids and queue names only, never message text.</summary>
internal static partial class QueueTriggerLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Listening on queue {QueueName}: batch size {BatchSize}, new batch threshold {NewBatchThreshold}, max dequeue count {MaxDequeueCount}")]
    public static partial void ListenerStarted(ILogger logger, string queueName, int batchSize, int newBatchThreshold, int maxDequeueCount);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Stopped listening on queue {QueueName}")]
    public static partial void ListenerStopped(ILogger logger, string queueName);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Handler for queue {QueueName} failed on message {MessageId} (dequeue count {DequeueCount})")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string queueName, string messageId, long dequeueCount);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Message {MessageId} from queue {QueueName} moved to {PoisonQueueName} after {DequeueCount} deliveries")]
    public static partial void MovedToPoison(ILogger logger, string messageId, string queueName, string poisonQueueName, long dequeueCount);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Message {MessageId} from queue {QueueName} is not valid base64; it cannot be processed")]
    public static partial void BadEncoding(ILogger logger, string messageId, string queueName);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Receiving from queue {QueueName} failed; backing off")]
    public static partial void ReceiveFailed(ILogger logger, Exception exception, string queueName);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Message {MessageId} from queue {QueueName} is no longer ours ({ErrorCode}); its lease lapsed or another instance completed it")]
    public static partial void LeaseLost(ILogger logger, string messageId, string queueName, string? errorCode);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Renewing visibility of message {MessageId} in queue {QueueName} failed; will retry")]
    public static partial void RenewalFailed(ILogger logger, Exception exception, string messageId, string queueName);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Shutdown deadline reached on queue {QueueName}; cancelling {InFlight} in-flight handlers")]
    public static partial void ShutdownDeadlineReached(ILogger logger, string queueName, int inFlight);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Error, Message = "Completing message {MessageId} from queue {QueueName} failed; it will be delivered again when its visibility timeout expires")]
    public static partial void CompletionFailed(ILogger logger, Exception exception, string messageId, string queueName);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "Queue {QueueName} does not exist yet; polling continues")]
    public static partial void QueueMissing(ILogger logger, string queueName);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Starting {Count} queue trigger listeners")]
    public static partial void HostStarting(ILogger logger, int count);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "Handlers on queue {QueueName} ignored cancellation; {InFlight} still running at shutdown")]
    public static partial void HandlersAbandoned(ILogger logger, string queueName, int inFlight);
}
