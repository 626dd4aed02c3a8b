namespace Checkout.Workflows.Storage;

/// <summary>The storage services counted; the prefix of every counted operation kind ("Table.Batch"). Blobs are the
/// Durable Task engine's alone (its partition leases).</summary>
public enum StorageService
{
    Queue,
    Table,
    Blob,
}
