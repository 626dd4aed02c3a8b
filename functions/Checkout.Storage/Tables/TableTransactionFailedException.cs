namespace Checkout.Storage.Tables;

/// <summary>
/// An entity-group transaction that the service rejected as a whole: nothing of it was committed.
/// <see cref="FailedActionIndex"/> is the zero-based index of the action that failed, when the service names it.
/// A separate type from <see cref="StorageRequestFailedException"/> (which is sealed) so callers can tell a rolled-back
/// batch from a failed single request; both carry <see cref="Status"/> and <see cref="ErrorCode"/>.
/// </summary>
public sealed class TableTransactionFailedException : Exception
{
    public TableTransactionFailedException()
    {
    }

    public TableTransactionFailedException(string message)
        : base(message)
    {
    }

    public TableTransactionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TableTransactionFailedException(string message, int status, string? errorCode, int? failedActionIndex)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
        FailedActionIndex = failedActionIndex;
    }

    /// <summary>The HTTP status of the failed sub-request (for example 409 or 412).</summary>
    public int Status { get; }

    /// <summary>The storage error code, for example <c>EntityAlreadyExists</c> or <c>UpdateConditionNotSatisfied</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The zero-based index of the failing action, or <see langword="null"/> when the response does not say.</summary>
    public int? FailedActionIndex { get; }
}
