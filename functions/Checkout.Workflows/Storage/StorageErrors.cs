using Azure;

namespace Checkout.Workflows.Storage;

/// <summary>
/// The one place storage failures are told apart, by HTTP status and the service's error code (never by message
/// text). Anything not named here is a real failure and propagates.
/// </summary>
public static class StorageErrors
{
    /// <summary>An add found the row already there: a repeat of a write that already happened.</summary>
    public static bool IsAlreadyExists(RequestFailedException ex) =>
        ex is { Status: 409, ErrorCode: "EntityAlreadyExists" };

    /// <summary>The row (or message) is gone: deleted by someone else, or never written.</summary>
    public static bool IsNotFound(RequestFailedException ex) => ex is { Status: 404 };

    /// <summary>The ETag no longer matches: someone else changed the row since it was read.</summary>
    public static bool IsPreconditionFailed(RequestFailedException ex) => ex is { Status: 412 };

    /// <summary>The queue a message was meant for does not exist (yet).</summary>
    public static bool IsQueueNotFound(RequestFailedException ex) =>
        ex is { Status: 404, ErrorCode: "QueueNotFound" };

    /// <summary>A received message is no longer ours to delete or update: it was deleted, its visibility lapsed and
    /// another receiver took it (new pop receipt), or its queue is gone.</summary>
    public static bool IsLeaseLost(RequestFailedException ex) =>
        ex is { Status: 404, ErrorCode: "MessageNotFound" or "QueueNotFound" }
        || ex is { Status: 400, ErrorCode: "PopReceiptMismatch" };

    /// <summary>What a health probe shows: the status and code, or the transport's message when nothing answered.</summary>
    public static string Describe(RequestFailedException ex) =>
        ex.Status == 0 ? ex.Message : $"{ex.Status} {ex.ErrorCode}";
}
