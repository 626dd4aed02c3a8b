namespace Checkout.LocalHost.Durable;

/// <summary>Durable Task log messages of the local host; event ids 7000-7099. The engine and the gRPC worker log their own.</summary>
internal static partial class DurableTaskLog
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "Durable Task sidecar for task hub {TaskHub} listening on 127.0.0.1:{Port} (HTTP/2)")]
    public static partial void SidecarListening(ILogger logger, string taskHub, int port);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Durable functions registered: {Orchestrators} orchestrators, {Activities} activities")]
    public static partial void FunctionsRegistered(ILogger logger, int orchestrators, int activities);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Extended session of orchestration {InstanceId} ended on an error; the provider sees its messages again")]
    public static partial void ExtendedSessionFailed(ILogger logger, string instanceId, Exception exception);
}
