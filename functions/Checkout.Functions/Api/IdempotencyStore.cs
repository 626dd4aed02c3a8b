using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Checkout.Workflows.Secrets;
using Checkout.Workflows.Storage;
using Microsoft.Extensions.Options;

namespace Checkout.Functions.Api;

/// <summary>
/// Idempotency keys per the IETF draft and Stripe: one row per merchant (partition) and key (row key: its SHA-256,
/// since keys may hold characters a row key cannot). The row holds the request's fingerprint (method, path, body),
/// then the first response. Rows are kept for <see cref="IdempotencyOptions.Retention"/> (at least 24 hours, as
/// promised) and then pruned by <see cref="PruneAsync"/>; an attempt left in flight longer than
/// <see cref="InFlightTakeover"/> is presumed crashed and may be taken over. A response that
/// <see cref="ApiResponse.HoldsSecret"/> (a webhook endpoint's creation, with its signing secret) is kept encrypted in
/// <c>SealedBody</c>, bound to its row, and decrypted only to replay it.
/// </summary>
internal sealed class IdempotencyStore(TableServiceClient tables, ApiTables names, TimeProvider clock, IOptions<IdempotencyOptions> options, SecretProtector protector)
{
    public const int MaxKeyLength = 255;
    private const string SealedBodyProperty = "SealedBody";
    private static readonly TimeSpan InFlightTakeover = TimeSpan.FromMinutes(1);

    private TableClient Table => tables.GetTableClient(names.IdempotencyKeys);

    public Task InitializeAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>What makes two requests the same: method, path and the body's JSON meaning (whitespace and member order
    /// aside, see <see cref="CanonicalJson"/>); a body that is not JSON counts byte for byte.</summary>
    public static string Fingerprint(HttpRequest request, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        var head = Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n");
        var canonical = body.Length == 0 ? body : CanonicalJson.TryCanonicalize(body) ?? body;
        return Convert.ToHexStringLower(SHA256.HashData([.. head, .. canonical]));
    }

    public Task<(IdempotencyOutcome Outcome, ApiResponse? Recorded)> BeginAsync(
        string merchantId, string key, string fingerprint, CancellationToken cancellationToken) =>
        BeginRowAsync(merchantId, RowKey(key), fingerprint, retryIfVanished: true, cancellationToken);

    public async Task CompleteAsync(string merchantId, string key, string fingerprint, ApiResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var row = new TableEntity(merchantId, RowKey(key))
        {
            ["Fingerprint"] = fingerprint,
            ["StartedAt"] = clock.GetUtcNow(),
            ["Status"] = response.Status,
            ["ContentType"] = response.ContentType,
        };
        if (response.HoldsSecret)
        {
            row[SealedBodyProperty] = protector.Protect(Encoding.UTF8.GetString(response.Body), SealedBodyField(row));
        }
        else
        {
            row["Body"] = response.Body;
        }

        if (response.Location is not null)
        {
            row["Location"] = response.Location;
        }

        if (response.RetryAfterSeconds is { } retryAfter)
        {
            row["RetryAfter"] = retryAfter;
        }

        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// Deletes the records whose answer (or start, while in flight) is older than the retention; returns how many.
    /// Each delete is conditional on the ETag read, so a record reused meanwhile is kept. The filter on StartedAt has
    /// no partition key: it scans the table, which holds only these records.
    /// </summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.Retention;
        var deleted = 0;
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"StartedAt lt {cutoff}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            try
            {
                using var response = await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
                deleted += response.Status == 404 ? 0 : 1;
            }
            catch (RequestFailedException ex) when (StorageErrors.IsPreconditionFailed(ex))
            {
                // Reused since it was read: not ours to delete. (One already gone answers 404, which the SDK does not throw.)
            }
        }

        return deleted;
    }

    /// <summary>Forgets an attempt that failed before it could answer, so the client can retry with the same key.</summary>
    public async Task AbandonAsync(string merchantId, string key, CancellationToken cancellationToken)
    {
        // A missing row (nothing recorded, nothing to forget) answers 404, which the SDK's delete treats as done.
        using var _ = await Table.DeleteEntityAsync(merchantId, RowKey(key), ETag.All, cancellationToken);
    }

    private async Task<(IdempotencyOutcome, ApiResponse?)> ExistingAsync(TableEntity attempt, string fingerprint, bool retryIfVanished, CancellationToken cancellationToken)
    {
        var existing = await Table.GetEntityOrNullAsync(attempt.PartitionKey, attempt.RowKey, cancellationToken);
        if (existing is null)
        {
            // Abandoned between our insert and read: try once more as a first use.
            return retryIfVanished
                ? await BeginRowAsync(attempt.PartitionKey, attempt.RowKey, fingerprint, retryIfVanished: false, cancellationToken)
                : (IdempotencyOutcome.InFlight, null);
        }

        if (existing.GetString("Fingerprint") != fingerprint)
        {
            return (IdempotencyOutcome.Mismatch, null);
        }

        if (existing.GetInt32("Status") is { } status)
        {
            return (IdempotencyOutcome.Replay, Recorded(existing, status));
        }

        if (existing.GetDateTimeOffset("StartedAt") is { } started && clock.GetUtcNow() - started > InFlightTakeover)
        {
            try
            {
                await Table.UpdateEntityAsync(attempt, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                return (IdempotencyOutcome.Proceed, null);
            }
            catch (RequestFailedException ex) when (StorageErrors.IsPreconditionFailed(ex))
            {
                return (IdempotencyOutcome.InFlight, null);
            }
        }

        return (IdempotencyOutcome.InFlight, null);
    }

    private async Task<(IdempotencyOutcome, ApiResponse?)> BeginRowAsync(
        string merchantId, string rowKey, string fingerprint, bool retryIfVanished, CancellationToken cancellationToken)
    {
        var row = new TableEntity(merchantId, rowKey) { ["Fingerprint"] = fingerprint, ["StartedAt"] = clock.GetUtcNow() };
        try
        {
            await Table.AddEntityAsync(row, cancellationToken);
            return (IdempotencyOutcome.Proceed, null);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await ExistingAsync(row, fingerprint, retryIfVanished, cancellationToken);
        }
    }

    private ApiResponse Recorded(TableEntity row, int status)
    {
        var sealedBody = row.GetString(SealedBodyProperty);
        var body = sealedBody is null ? row.GetBinary("Body") ?? [] : Encoding.UTF8.GetBytes(protector.Unprotect(sealedBody, SealedBodyField(row)));
        return new ApiResponse(status, row.GetString("ContentType")!, body, row.GetString("Location"), row.GetInt32("RetryAfter")) { HoldsSecret = sealedBody is not null };
    }

    private static StorageField SealedBodyField(TableEntity row) => new("idempotency-keys", row.PartitionKey, row.RowKey, SealedBodyProperty);

    private static string RowKey(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
