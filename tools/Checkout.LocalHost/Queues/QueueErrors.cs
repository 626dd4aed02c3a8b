using Azure;

namespace Checkout.LocalHost.Queues;

/// <summary>How the listener classifies storage failures (after the storage pipeline's own retries).</summary>
internal static class QueueErrors
{
    /// <summary>Failures worth logging and carrying on from: storage errors, network failures, timeouts.</summary>
    public static bool IsTransient(Exception ex) =>
        ex is RequestFailedException or HttpRequestException or TimeoutException;
}
