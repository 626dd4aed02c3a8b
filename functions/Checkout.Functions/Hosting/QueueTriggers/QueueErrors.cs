using System.Net;
using Checkout.Storage;

namespace Checkout.Functions.Hosting.QueueTriggers;

/// <summary>How the listener classifies storage failures (after the storage pipeline's own retries).</summary>
internal static class QueueErrors
{
    /// <summary>
    /// The message is gone or has another pop receipt: its lease lapsed and another receiver took it, or it was
    /// already deleted. The Functions listener ignores these (QueueProcessor IsNotFoundMessageOrQueueNotFound,
    /// IsBadRequestPopReceiptMismatch).
    /// </summary>
    public static bool IsLeaseLost(StorageRequestFailedException ex) =>
        (ex.Status == (int)HttpStatusCode.NotFound && ex.ErrorCode is StorageErrorCodes.MessageNotFound or StorageErrorCodes.QueueNotFound)
        || (ex.Status == (int)HttpStatusCode.BadRequest && ex.ErrorCode == StorageErrorCodes.PopReceiptMismatch);

    /// <summary>Failures worth logging and carrying on from: storage errors, network failures, timeouts.</summary>
    public static bool IsTransient(Exception ex) =>
        ex is StorageRequestFailedException or HttpRequestException or TimeoutException;
}
