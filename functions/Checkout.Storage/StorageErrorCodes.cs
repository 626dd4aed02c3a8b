namespace Checkout.Storage;

/// <summary>Error codes the service returns in <c>x-ms-error-code</c> or the error body; compare with <see cref="StorageRequestFailedException.ErrorCode"/>.</summary>
public static class StorageErrorCodes
{
    public const string UpdateConditionNotSatisfied = "UpdateConditionNotSatisfied";
    public const string EntityAlreadyExists = "EntityAlreadyExists";
    public const string ResourceNotFound = "ResourceNotFound";
    public const string TableNotFound = "TableNotFound";
    public const string TableAlreadyExists = "TableAlreadyExists";
    public const string TableBeingDeleted = "TableBeingDeleted";
    public const string QueueNotFound = "QueueNotFound";
    public const string QueueAlreadyExists = "QueueAlreadyExists";
    public const string QueueBeingDeleted = "QueueBeingDeleted";
    public const string MessageNotFound = "MessageNotFound";
    public const string PopReceiptMismatch = "PopReceiptMismatch";
    public const string InvalidInput = "InvalidInput";
    public const string RequestBodyTooLarge = "RequestBodyTooLarge";
    public const string EntityTooLarge = "EntityTooLarge";
    public const string PropertyValueTooLarge = "PropertyValueTooLarge";
    public const string OperationTimedOut = "OperationTimedOut";
    public const string ServerBusy = "ServerBusy";
    public const string AuthenticationFailed = "AuthenticationFailed";
}
