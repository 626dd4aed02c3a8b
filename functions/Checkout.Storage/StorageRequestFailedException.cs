using System.Globalization;

namespace Checkout.Storage;

/// <summary>
/// The service answered with a failure status. Callers branch on <see cref="Status"/> and <see cref="ErrorCode"/>
/// (see <see cref="StorageErrorCodes"/>), never on the message text.
/// </summary>
public sealed class StorageRequestFailedException : Exception
{
    public StorageRequestFailedException()
    {
    }

    public StorageRequestFailedException(string message)
        : base(message)
    {
    }

    public StorageRequestFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageRequestFailedException(int status, string? errorCode, string? operationKind, string? serviceMessage)
        : base(FormatMessage(status, errorCode, operationKind, serviceMessage))
    {
        Status = status;
        ErrorCode = errorCode;
        OperationKind = operationKind;
        ServiceMessage = serviceMessage;
    }

    /// <summary>HTTP status code; 0 when the exception was not built from a response.</summary>
    public int Status { get; }

    public string? ErrorCode { get; }

    public string? OperationKind { get; }

    public string? ServiceMessage { get; }

    private static string FormatMessage(int status, string? errorCode, string? operationKind, string? serviceMessage) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{operationKind ?? "Storage request"} failed with status {status}, error code {errorCode ?? "(none)"}: {serviceMessage ?? "(no message)"}");
}
