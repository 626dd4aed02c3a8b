using Azure.Data.Tables;
using Checkout.Domain.Buyers;
using Checkout.Workflows.Secrets;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Buyers;

/// <summary>
/// The buyer identities Chinese customs require for CBEC imports, one row per checkout (partition = checkout id), the
/// name and the identity card number each encrypted (<see cref="SecretProtector"/>, bound to their row and column).
/// Kept out of the checkout's state and its orchestration's history (which Durable keeps), so deleting this row when
/// the checkout ends removes the identity for good; the checkout keeps only its masked form. The row also holds the
/// pseudonymous buyer key (<see cref="BuyerKeys"/>) and the year the order counts in against China's annual limit:
/// after a completed checkout forgets the identity, those stay, so a refund in full can still release the order from
/// the buyer's annual total.
/// </summary>
public sealed class BuyerIdentityStore(TableServiceClient tables, CheckoutWorkflowOptions options, SecretProtector protector)
{
    /// <summary>The table's logical name in the values' associated data, so a resource prefix does not change it.</summary>
    public const string SecretTable = "buyer-identities";
    private const string Row = "identity";
    private readonly TableClient _table = tables.GetTableClient(options.BuyerIdentitiesTable);

    public Task InitializeAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    public Task SaveAsync(string checkoutId, BuyerIdentity identity, BuyerCount count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(count);
        return _table.UpsertEntityAsync(
            new TableEntity(checkoutId, Row)
            {
                ["Name"] = protector.Protect(identity.Name, Field(checkoutId, "Name")),
                ["IdNumber"] = protector.Protect(identity.IdNumber, Field(checkoutId, "IdNumber")),
                ["BuyerKey"] = count.BuyerKey,
                ["Year"] = count.Year,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    /// <summary>The buyer key and year the checkout's order counts under; null without an identity row, or for a
    /// checkout started before buyers were keyed.</summary>
    public async Task<BuyerCount?> GetCountAsync(string checkoutId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityOrNullAsync(checkoutId, Row, cancellationToken);
        return row?.GetString("BuyerKey") is { Length: > 0 } key && row.GetInt32("Year") is { } year ? new BuyerCount(key, year) : null;
    }

    /// <summary>Drops the name and number, keeping the buyer key and year; a row already gone stays gone.</summary>
    public async Task ForgetIdentityAsync(string checkoutId, BuyerCount count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(count);
        try
        {
            using var _ = await _table.UpdateEntityAsync(
                new TableEntity(checkoutId, Row) { ["BuyerKey"] = count.BuyerKey, ["Year"] = count.Year }, Azure.ETag.All, TableUpdateMode.Replace, cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (StorageErrors.IsNotFound(ex))
        {
        }
    }

    /// <summary>The identity, decrypted, for the customs declaration; null once the checkout ended (or never had one).</summary>
    public async Task<BuyerIdentity?> GetAsync(string checkoutId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityOrNullAsync(checkoutId, Row, cancellationToken);
        return row is null
            ? null
            : new BuyerIdentity(
                protector.Unprotect(row.GetString("Name") ?? string.Empty, Field(checkoutId, "Name")),
                protector.Unprotect(row.GetString("IdNumber") ?? string.Empty, Field(checkoutId, "IdNumber")));
    }

    /// <summary>Deletes the identity; deleting one already gone changes nothing (the SDK answers a missing row with
    /// its 404 response, as a repeated record finds it).</summary>
    public async Task DeleteAsync(string checkoutId, CancellationToken cancellationToken)
    {
        using var _ = await _table.DeleteEntityAsync(checkoutId, Row, Azure.ETag.All, cancellationToken);
    }

    private static StorageField Field(string checkoutId, string column) => new(SecretTable, checkoutId, Row, column);
}

/// <summary>Whose annual CBEC total a checkout's order counts in, and for which (China's calendar) year.</summary>
public sealed record BuyerCount(string BuyerKey, int Year);
