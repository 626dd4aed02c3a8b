namespace Checkout.Storage.Tables;

/// <summary>
/// One operation of an entity-group transaction. <paramref name="IfMatch"/> guards UpdateMerge, UpdateReplace and
/// Delete (null means <see cref="ETag.All"/>, as in the Azure SDK); Add and the upserts must leave it null.
/// </summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag? IfMatch = null);
