namespace Checkout.Storage.Tables;

/// <summary>The outcome of one action of a committed transaction: its HTTP status and the row's new ETag (none for deletes).</summary>
public sealed record TableTransactionResult(int Status, ETag? ETag);
