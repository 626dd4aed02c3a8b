using Azure;
using Azure.Data.Tables;
using Checkout.Domain.Monetary;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Buyers;

/// <summary>
/// Each buyer's running total of this platform's CBEC orders per calendar year, against China's CNY 26,000 annual
/// limit. One partition per buyer key (<see cref="BuyerKeys"/>): a row per year with the total, and a row per checkout
/// counted with what it added, so counting again (a retried step) replaces the checkout's amount instead of adding it
/// twice, and releasing it takes back exactly what it added. Both rows change in one batch guarded by the total's ETag:
/// two checkouts of one buyer assessed at once cannot both fit under the limit on the same year-to-date figure.
/// </summary>
public sealed class CbecAnnualTotals(TableServiceClient tables, CheckoutWorkflowOptions options)
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);
    private readonly TableClient _table = tables.GetTableClient(options.CbecAnnualTotalsTable);

    public Task InitializeAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>The calendar year an order at <paramref name="at"/> counts in: China's, which starts at midnight China
    /// Standard Time (UTC+8), eight hours before UTC's.</summary>
    public static int YearOf(DateTimeOffset at) => at.ToOffset(ChinaStandardTime).Year;

    /// <summary>The buyer's total for the year without this checkout (which a repeated assessment finds counted already).</summary>
    public async Task<AnnualTotal> ReadAsync(string buyerKey, int year, string checkoutId, CurrencyCode currency, CancellationToken cancellationToken)
    {
        var total = await _table.GetEntityOrNullAsync(buyerKey, TotalKey(year), cancellationToken);
        var mine = await _table.GetEntityOrNullAsync(buyerKey, OrderKey(year, checkoutId), cancellationToken);
        var all = total is null ? Money.Zero(currency) : Amount(total, currency);
        var counted = mine is null ? Money.Zero(currency) : Amount(mine, currency);
        return new AnnualTotal(buyerKey, year, checkoutId, all - counted, counted, total?.ETag);
    }

    /// <summary>Counts the checkout's <paramref name="order"/> on top of the total <paramref name="read"/> found. Throws
    /// <see cref="AnnualTotalChangedException"/> when another order of the buyer was counted or released since: the
    /// caller reads again and judges the limit again.</summary>
    public async Task CountAsync(AnnualTotal read, Money order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var total = new TableEntity(read.BuyerKey, TotalKey(read.Year)) { ["SpentMinor"] = (read.OthersThisYear + order).ToMinorUnits(), ["Currency"] = order.Currency.Value };
        var mine = new TableEntity(read.BuyerKey, OrderKey(read.Year, read.CheckoutId)) { ["SpentMinor"] = order.ToMinorUnits(), ["Currency"] = order.Currency.Value };
        await SubmitAsync(
            [
                read.ETag is { } etag ? new(TableTransactionActionType.UpdateReplace, total, etag) : new(TableTransactionActionType.Add, total),
                new(TableTransactionActionType.UpsertReplace, mine),
            ],
            cancellationToken);
    }

    /// <summary>Takes the checkout's amount back off the buyer's total (the order ended unpaid, or was refunded in
    /// full); releasing one not counted, or released already, changes nothing.</summary>
    public async Task ReleaseAsync(string buyerKey, int year, string checkoutId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var mine = await _table.GetEntityOrNullAsync(buyerKey, OrderKey(year, checkoutId), cancellationToken);
            if (mine is null)
            {
                return;
            }

            var total = await _table.GetEntityOrNullAsync(buyerKey, TotalKey(year), cancellationToken)
                ?? throw new InvalidOperationException($"Checkout {checkoutId} is counted in a CBEC annual total that has no total row.");
            var currency = new CurrencyCode(total.GetString("Currency") ?? throw new InvalidOperationException("A CBEC annual total has no currency."));
            var remaining = Amount(total, currency) - Amount(mine, currency);
            total["SpentMinor"] = remaining.ToMinorUnits();
            try
            {
                await SubmitAsync(
                    [new(TableTransactionActionType.UpdateReplace, total, total.ETag), new(TableTransactionActionType.Delete, mine, mine.ETag)],
                    cancellationToken);
                return;
            }
            catch (AnnualTotalChangedException)
            {
                // Another order of the buyer moved the total: read both rows again.
            }
        }
    }

    private async Task SubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (StorageErrors.IsPreconditionFailed(ex) || StorageErrors.IsAlreadyExists(ex) || StorageErrors.IsNotFound(ex))
        {
            throw new AnnualTotalChangedException(ex);
        }
    }

    private static Money Amount(TableEntity row, CurrencyCode currency) => Money.FromMinorUnits(row.GetInt64("SpentMinor") ?? 0, currency);

    private static string TotalKey(int year) => $"{year}";

    private static string OrderKey(int year, string checkoutId) => $"{year}-{checkoutId}";
}

/// <summary>A buyer's CBEC total for one year as read for one checkout.</summary>
/// <param name="OthersThisYear">The buyer's other orders counted this year: the year-to-date figure the limit is checked against.</param>
/// <param name="ThisCheckout">What this checkout counts already (zero unless a step is repeated).</param>
/// <param name="ETag">The total row's, or null when the buyer has no order counted this year.</param>
public sealed record AnnualTotal(string BuyerKey, int Year, string CheckoutId, Money OthersThisYear, Money ThisCheckout, ETag? ETag);

/// <summary>Another order of the same buyer changed the annual total between its read and this write.</summary>
public sealed class AnnualTotalChangedException(Exception inner)
    : Exception("Another order of the buyer changed the CBEC annual total at the same time; read it again.", inner);
