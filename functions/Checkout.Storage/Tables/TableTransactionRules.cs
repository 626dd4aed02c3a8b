namespace Checkout.Storage.Tables;

/// <summary>
/// What the service requires of an entity-group transaction, checked before sending: 1 to 100 actions, one
/// partition, one action per row, valid entities, If-Match only where it means something, and a body under 4 MiB.
/// </summary>
internal static class TableTransactionRules
{
    public const int MaxActions = 100;
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    public static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxActions)
        {
            throw new ArgumentException($"A transaction holds 1 to {MaxActions} actions; this one has {actions.Count}.", nameof(actions));
        }

        var rows = new HashSet<string>(StringComparer.Ordinal);
        var partitionKey = actions[0]?.Entity?.PartitionKey;
        foreach (var action in actions)
        {
            ValidateAction(action);
            if (!string.Equals(action.Entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException("Every action of a transaction must target the same PartitionKey.", nameof(actions));
            }

            if (!rows.Add(action.Entity.RowKey))
            {
                throw new ArgumentException($"RowKey '{action.Entity.RowKey}' appears twice; a transaction may touch each row once.", nameof(actions));
            }
        }
    }

    public static void ValidateBodySize(int bytes)
    {
        if (bytes > MaxBodyBytes)
        {
            throw new ArgumentException($"The transaction body is {bytes} bytes; the service accepts at most {MaxBodyBytes}.");
        }
    }

    private static void ValidateAction(TableTransactionAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(action.Entity);
        if (action.ActionType == TableTransactionActionType.Delete)
        {
            TableEntityLimits.ValidateKeys(action.Entity.PartitionKey, action.Entity.RowKey);
            return;
        }

        TableEntityLimits.ValidateForWrite(action.Entity);
        var guarded = action.ActionType is TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpdateReplace;
        if (!guarded && action.IfMatch is not null)
        {
            throw new ArgumentException($"{action.ActionType} takes no If-Match; use UpdateMerge or UpdateReplace for a guarded write.", nameof(action));
        }
    }
}
