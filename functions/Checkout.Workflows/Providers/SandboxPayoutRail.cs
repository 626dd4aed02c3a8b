using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Checkout.Domain.Payouts;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Providers;

/// <summary>
/// The payout rail's test mode, deterministic by destination account number, like a payment provider's test bank
/// accounts (see <see cref="SandboxPayoutAccounts"/> and the README table). Its records live in its own table, one row
/// per idempotency key, so the same key always returns the same payout and an audit can count payouts per attempt.
/// An <c>in_transit</c> payout reaches its final status at the next status check, or when <see cref="SettleAsync"/>
/// plays the bank (the rail then tells us through a signed webhook).
/// </summary>
public sealed class SandboxPayoutRail(TableServiceClient tables, CheckoutWorkflowOptions options) : IPayoutRail
{
    private const string Row = "payout";
    private const int TransientFailures = 2;

    private readonly TableClient _table = tables.GetTableClient(options.PayoutRailSandboxTable);

    public Task InitializeAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    public async Task<PayoutRailResult> CreateAsync(PayoutRailRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var behaviour = SandboxPayoutAccounts.For(request.Destination.Account);
        if (behaviour != SandboxPayoutAccounts.Behaviour.UnavailableTwice)
        {
            // Added, not read first: a key's first create (almost every one) costs one request, and a repeated one finds
            // the row there and answers with it.
            var created = NewPayout(request, behaviour);
            try
            {
                await _table.AddEntityAsync(created, cancellationToken);
                return Read(created);
            }
            catch (RequestFailedException ex) when (StorageErrors.IsAlreadyExists(ex))
            {
                TableEntity found = await _table.GetEntityAsync<TableEntity>(request.IdempotencyKey, Row, cancellationToken: cancellationToken);
                if (found.GetString("Status") is { Length: > 0 })
                {
                    return Read(found);
                }

                // Only the transient counter of a send of this attempt to an earlier destination: this one creates it.
                await _table.UpsertEntityAsync(created, TableUpdateMode.Replace, cancellationToken);
                return Read(created);
            }
        }

        var existing = await _table.GetEntityOrNullAsync(request.IdempotencyKey, Row, cancellationToken);
        if (existing?.GetString("Status") is { Length: > 0 })
        {
            return Read(existing);
        }

        await FailFirstAttemptsAsync(request.IdempotencyKey, existing, cancellationToken);
        var row = NewPayout(request, behaviour);

        // Replace, not add: the row holds the transient counter; two concurrent creates with one key compute the same
        // deterministic payout, so either write is the answer.
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        return Read(row);
    }

    private static TableEntity NewPayout(PayoutRailRequest request, SandboxPayoutAccounts.Behaviour behaviour)
    {
        var (status, failure) = SandboxPayoutAccounts.AtCreation(behaviour);
        return new TableEntity(request.IdempotencyKey, Row)
        {
            ["RailPayoutId"] = "po_" + Derive(request.IdempotencyKey),
            ["PayoutId"] = request.PayoutId,
            ["MerchantId"] = request.MerchantId,
            ["AmountMinor"] = request.Amount.ToMinorUnits(),
            ["Currency"] = request.Amount.Currency.Value,
            // The behaviour the account picked, not the account number: the sandbox keeps its records in this app's own
            // storage, where account numbers are never kept in the clear.
            ["Behaviour"] = behaviour.ToString(),
            ["Status"] = status.ToWire(),
            ["FailureCode"] = failure ?? string.Empty,
        };
    }

    /// <summary>A status check: an <c>in_transit</c> payout reaches its account's final status here.</summary>
    public async Task<PayoutRailResult?> GetAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityOrNullAsync(idempotencyKey, Row, cancellationToken);
        if (row?.GetString("Status") is not { Length: > 0 })
        {
            return null;
        }

        return Read(row).Status == PayoutStatus.InTransit ? await SettleAsync(idempotencyKey, cancellationToken) : Read(row);
    }

    /// <summary>Plays the bank: an <c>in_transit</c> payout moves to its account's final status (others stay as they are).</summary>
    public async Task<PayoutRailResult> SettleAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        TableEntity row = await _table.GetEntityAsync<TableEntity>(idempotencyKey, Row, cancellationToken: cancellationToken);
        if (Read(row).Status != PayoutStatus.InTransit)
        {
            return Read(row);
        }

        var (status, failure) = SandboxPayoutAccounts.AtSettlement(Enum.Parse<SandboxPayoutAccounts.Behaviour>(row.GetString("Behaviour") ?? nameof(SandboxPayoutAccounts.Behaviour.Unknown)));
        row["Status"] = status.ToWire();
        row["FailureCode"] = failure ?? string.Empty;
        try
        {
            await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (StorageErrors.IsPreconditionFailed(ex))
        {
            // Settled concurrently by another check: both computed the same final status from the account.
        }

        return Read(row);
    }

    private async Task FailFirstAttemptsAsync(string key, TableEntity? existing, CancellationToken cancellationToken)
    {
        var attempts = (existing?.GetInt32("Attempts") ?? 0) + 1;
        if (attempts > TransientFailures)
        {
            return;
        }

        await _table.UpsertEntityAsync(new TableEntity(key, Row) { ["Attempts"] = attempts }, TableUpdateMode.Replace, cancellationToken);
        throw new PayoutRailUnavailableException($"Sandbox rail unavailable (attempt {attempts} of {TransientFailures} planned failures).");
    }

    private static PayoutRailResult Read(TableEntity row)
    {
        if (!PayoutStatusNames.TryParse(row.GetString("Status"), out var status))
        {
            throw new InvalidOperationException($"Sandbox rail row {row.PartitionKey} has no status.");
        }

        var failure = row.GetString("FailureCode") is { Length: > 0 } code ? code : null;
        return new PayoutRailResult(row.GetString("RailPayoutId") ?? string.Empty, status, failure, failure is null ? null : SandboxPayoutAccounts.Describe(failure));
    }

    private static string Derive(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];
}
