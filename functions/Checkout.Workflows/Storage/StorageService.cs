namespace Checkout.Workflows.Storage;

/// <summary>The storage services this app uses; the prefix of every counted operation kind ("Table.Batch").</summary>
public enum StorageService
{
    Queue,
    Table,
}
