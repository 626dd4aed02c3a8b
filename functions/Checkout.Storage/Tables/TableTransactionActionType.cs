namespace Checkout.Storage.Tables;

/// <summary>The operation a <see cref="TableTransactionAction"/> performs inside an entity-group transaction.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails the transaction if the row exists.</summary>
    Add,

    /// <summary>Merge into an existing row, guarded by If-Match (default <c>*</c>).</summary>
    UpdateMerge,

    /// <summary>Replace an existing row, guarded by If-Match (default <c>*</c>).</summary>
    UpdateReplace,

    /// <summary>Delete a row, guarded by If-Match (default <c>*</c>).</summary>
    Delete,

    /// <summary>Insert, or merge into the existing row.</summary>
    UpsertMerge,

    /// <summary>Insert, or replace the existing row.</summary>
    UpsertReplace,
}
