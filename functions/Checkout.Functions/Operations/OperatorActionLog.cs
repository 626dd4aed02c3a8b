using System.Globalization;
using Azure.Data.Tables;
using Checkout.Functions.Api;

namespace Checkout.Functions.Operations;

/// <summary>
/// Every action an operator took in the console, one row each, in the partition of what was acted on (a checkout, a
/// payout, a webhook delivery, a poison message), newest first
/// (the row key counts down from the end of time): who (the signed-in name), when, what, and what the app answered
/// (status and a short outcome), replays of the same idempotency key included.
/// </summary>
internal sealed class OperatorActionLog(TableServiceClient tables, ApiTables names, TimeProvider clock)
{
    /// <summary>Where the idempotency keys of actions the console takes itself, not as a merchant, are kept.</summary>
    public const string IdempotencyScope = "console";

    private readonly TableClient _table = tables.GetTableClient(names.OperatorActions);

    public Task InitializeAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    public async Task RecordAsync(string targetId, string @operator, string action, ApiResponse answer, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var at = clock.GetUtcNow();
        var row = new TableEntity(targetId, $"{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}-{Guid.NewGuid():N}")
        {
            ["Operator"] = @operator,
            ["Action"] = action,
            ["At"] = at,
            ["Status"] = answer.Status,
            ["Outcome"] = OperatorViews.Outcome(answer),
            ["IdempotencyKey"] = idempotencyKey ?? string.Empty,
            ["Replayed"] = answer.Replayed,
        };
        await _table.AddEntityAsync(row, cancellationToken);
    }

    /// <summary>The checkout's actions, newest first (a checkout sees a handful: one range read).</summary>
    public async Task<IReadOnlyList<OperatorActionView>> ListAsync(string checkoutId, CancellationToken cancellationToken)
    {
        var actions = new List<OperatorActionView>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {checkoutId}"), 100, cancellationToken: cancellationToken))
        {
            actions.Add(new OperatorActionView(
                row.GetString("Operator") ?? string.Empty,
                row.GetString("Action") ?? string.Empty,
                row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                row.GetInt32("Status") ?? 0,
                row.GetString("Outcome") ?? string.Empty,
                row.GetBoolean("Replayed") ?? false));
            if (actions.Count >= 100)
            {
                break;
            }
        }

        return actions;
    }
}
