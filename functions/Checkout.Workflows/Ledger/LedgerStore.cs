using Azure.Data.Tables;
using Checkout.Domain.Ledger;
using Checkout.Domain.Monetary;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Ledger;

/// <summary>
/// The ledger in Azure Tables. One partition per merchant; a transaction is a header row <c>t|{id}</c> plus one row
/// per entry <c>e|{account}|{id}|{n}</c>, all inserted in one entity-group batch, so it is posted whole or not at all,
/// and a second post of the same id fails on the header as "already exists", which means "already posted".
/// There is no balance row: inserts never contend on an ETag, however many checkouts of one merchant post at once,
/// and a balance is the sum of its account's entry rows, read with one row-key range query.
/// </summary>
public sealed class LedgerStore(TableServiceClient tables, CheckoutWorkflowOptions options)
{
    private const string EntryPrefix = "e|";

    private readonly TableClient _table = tables.GetTableClient(options.LedgerTable);

    public Task InitializeAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>True when this call posted the transaction; false when it was already posted (a redelivery).</summary>
    public async Task<bool> PostAsync(LedgerTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, LedgerRows.Header(transaction)) };
        actions.AddRange(transaction.Entries.Select((e, i) => new TableTransactionAction(TableTransactionActionType.Add, LedgerRows.Entry(transaction, e, i))));
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (StorageErrors.IsAlreadyExists(ex))
        {
            return false;
        }
    }

    /// <summary>The merchant's balances, from its entry rows: minor units per account, signed by the normal side.
    /// Platform accounts appear with this merchant's share of them.</summary>
    public async Task<IReadOnlyDictionary<LedgerAccount, long>> GetBalancesAsync(string merchantId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and RowKey ge {EntryPrefix} and RowKey lt {"e}"}");
        var entries = new List<LedgerEntry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(LedgerRows.ReadEntry(row));
        }

        return LedgerBalances.FromEntries(entries);
    }

    /// <summary>The merchant's newest <paramref name="limit"/> transactions, each with its entries, newest first, for
    /// the operations console. Reads the merchant's whole partition (headers and entries): a console view, not a hot
    /// path. A transaction whose header and entries disagree (a torn write the reconciliation reports) comes back with
    /// <see cref="LedgerTransactionRecord.Complete"/> false rather than left out.</summary>
    public async Task<IReadOnlyList<LedgerTransactionRecord>> ListTransactionsAsync(string merchantId, int limit, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        var entries = new Dictionary<string, List<(string RowKey, LedgerEntry Entry, DateTimeOffset? At)>>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {merchantId}"), cancellationToken: cancellationToken))
        {
            var id = row.GetString(LedgerRows.TransactionId) ?? string.Empty;
            if (row.RowKey.StartsWith(EntryPrefix, StringComparison.Ordinal))
            {
                (entries.TryGetValue(id, out var list) ? list : entries[id] = []).Add((row.RowKey, LedgerRows.ReadEntry(row), row.GetDateTimeOffset("At")));
            }
            else
            {
                headers[id] = row;
            }
        }

        return [.. headers.Keys.Union(entries.Keys)
            .Select(id =>
            {
                var header = headers.GetValueOrDefault(id);
                var rows = entries.TryGetValue(id, out var list) ? list : [];
                return new LedgerTransactionRecord(
                    id,
                    header?.GetString("Description"),
                    header?.GetDateTimeOffset("At") ?? rows.Select(r => r.At).FirstOrDefault(a => a is not null),
                    [.. rows.OrderBy(r => r.RowKey[(r.RowKey.LastIndexOf('|') + 1)..], StringComparer.Ordinal).Select(r => r.Entry)],
                    header is not null && header.GetInt32(LedgerRows.EntryCount) == rows.Count);
            })
            .OrderByDescending(t => t.At)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .Take(limit)];
    }

    /// <summary>What one transaction moved on one account in one direction (its entry rows under that account: one short
    /// row-key range), or null when it has no such entry (not posted, or the account not in it).</summary>
    public async Task<Money?> EntryTotalAsync(string merchantId, LedgerAccount account, string transactionId, EntryDirection direction, CancellationToken cancellationToken)
    {
        var prefix = $"{EntryPrefix}{account.Key}|{transactionId}|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        Money? total = null;
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var entry = LedgerRows.ReadEntry(row);
            if (entry.Direction == direction)
            {
                total = (total ?? Money.Zero(account.Currency)) + entry.Amount;
            }
        }

        return total;
    }

    /// <summary>Every posted transaction, rebuilt from its entry rows (not from the header), for the reconciliation;
    /// a header whose entry count does not match its rows is returned in <c>Incomplete</c>.</summary>
    public async Task<(IReadOnlyList<PostedTransaction> Transactions, IReadOnlyList<string> Incomplete, IReadOnlyList<string> Merchants)> ReadAllAsync(CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, int>(StringComparer.Ordinal);
        var entries = new Dictionary<string, List<LedgerEntry>>(StringComparer.Ordinal);
        var merchants = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            merchants.Add(row.PartitionKey);
            var id = row.PartitionKey + "/" + (row.GetString(LedgerRows.TransactionId) ?? string.Empty);
            if (row.RowKey.StartsWith(EntryPrefix, StringComparison.Ordinal))
            {
                (entries.TryGetValue(id, out var list) ? list : entries[id] = []).Add(LedgerRows.ReadEntry(row));
            }
            else
            {
                headers[id] = row.GetInt32(LedgerRows.EntryCount) ?? -1;
            }
        }

        var incomplete = headers.Where(h => h.Value != (entries.TryGetValue(h.Key, out var list) ? list.Count : 0)).Select(h => h.Key)
            .Concat(entries.Keys.Where(k => !headers.ContainsKey(k))).ToList();
        var transactions = entries.Select(e => new PostedTransaction(e.Key, e.Value)).ToList();
        return (transactions, incomplete, merchants.ToList());
    }

    /// <summary>Convenience for the API: the amount on one account, as money.</summary>
    public static Money BalanceOf(IReadOnlyDictionary<LedgerAccount, long> balances, LedgerAccount account)
    {
        ArgumentNullException.ThrowIfNull(balances);
        return Money.FromMinorUnits(balances.GetValueOrDefault(account), account.Currency);
    }
}
