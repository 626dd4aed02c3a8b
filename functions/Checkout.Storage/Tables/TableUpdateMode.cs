namespace Checkout.Storage.Tables;

/// <summary>How an update or upsert treats properties the sent entity does not carry.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep stored properties that the sent entity omits (HTTP MERGE).</summary>
    Merge,

    /// <summary>Replace the stored entity with exactly the sent properties (HTTP PUT).</summary>
    Replace,
}
