namespace Checkout.Functions.Hosting.CustomHandler;

/// <summary>Custom-handler and function-metadata logs, event ids 8000-8099. Function names and message ids only.</summary>
internal static partial class CustomHandlerLog
{
    [LoggerMessage(EventId = 8000, Level = LogLevel.Information, Message = "Running as an Azure Functions custom handler on 127.0.0.1:{Port}; serving {QueueFunctionCount} queue-triggered functions at POST /{{FunctionName}}, the standalone queue listener is off")]
    public static partial void CustomHandlerMode(ILogger logger, int port, int queueFunctionCount);

    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "Function {FunctionName} refused an invocation the host would not send: {Reason}")]
    public static partial void InvocationRejected(ILogger logger, string functionName, string reason);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "Function {FunctionName} failed on message {MessageId} (dequeue count {DequeueCount}); answering 500 so the host retries or poisons it")]
    public static partial void InvocationFailed(ILogger logger, Exception exception, string functionName, string messageId, long dequeueCount);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Wrote function.json for {FunctionCount} functions to {Directory}")]
    public static partial void FunctionJsonWritten(ILogger logger, int functionCount, string directory);
}
