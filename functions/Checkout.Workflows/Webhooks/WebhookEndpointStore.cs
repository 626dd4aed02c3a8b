using Azure;
using Azure.Data.Tables;
using Checkout.Workflows.Secrets;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Webhooks;

/// <summary>
/// Webhook endpoints, one partition per merchant (row = endpoint id), so a merchant's endpoints are one partition
/// query for the fan-out and another merchant's endpoint simply is not found. The signing secret is stored encrypted
/// (<see cref="SecretProtector"/>, bound to its row and column) and stays so in every endpoint read; only the sender
/// and the creation and rotation answers reveal it. A row written before encryption keeps its plain secret, which
/// still works, until a rotation re-encrypts it as the previous secret. Changes (PATCH, rotation) replace the row
/// under its ETag and start again from a fresh read when another writer got there first, so none is lost.
/// The fan-out's read (<see cref="ListForDeliveryAsync"/>) is cached per merchant for
/// <see cref="WebhookOptions.EndpointCacheDuration"/>: every change made through this store drops it at once, and a
/// change made by another instance reaches this one's deliveries within that time.
/// </summary>
public sealed class WebhookEndpointStore(
    TableServiceClient tables, CheckoutWorkflowOptions options, SecretProtector protector, WebhookOptions? webhooks = null, TimeProvider? clock = null)
{
    /// <summary>The table's name in the secrets' associated data: logical, so a resource prefix does not change it.</summary>
    public const string SecretTable = "webhook-endpoints";
    public const string SecretProperty = "Secret";
    public const string PreviousSecretProperty = "PreviousSecret";

    /// <summary>How long a rotated-out secret keeps signing beside the new one: a day to deploy the new secret.</summary>
    public static readonly TimeSpan PreviousSecretLifetime = TimeSpan.FromHours(24);

    /// <summary>How many times a change re-reads the row after losing a race before giving up.</summary>
    private const int MaxChangeTries = 5;

    private readonly TableClient _table = tables.GetTableClient(options.WebhookEndpointsTable);
    private readonly TimeSpan _cacheDuration = webhooks?.EndpointCacheDuration ?? TimeSpan.Zero;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _cacheGate = new();
    private readonly Dictionary<string, CachedEndpoints> _cache = new(StringComparer.Ordinal);

    /// <summary>Bumped by every local change to a merchant's endpoints, so a list read that a change overtook is not
    /// cached.</summary>
    private readonly Dictionary<string, long> _generations = new(StringComparer.Ordinal);

    public static StorageField SecretField(string merchantId, string endpointId) => new(SecretTable, merchantId, endpointId, SecretProperty);

    public static StorageField PreviousSecretField(string merchantId, string endpointId) => new(SecretTable, merchantId, endpointId, PreviousSecretProperty);

    public Task InitializeAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Adds the endpoint with <paramref name="secret"/> (encrypted); when one with the same id exists already
    /// (a retried create), returns that one with its own secret, since the creation answer shows it.</summary>
    public async Task<CreatedWebhookEndpoint> CreateAsync(WebhookEndpointRegistration registration, string secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var endpoint = new WebhookEndpoint(
            registration.Id, registration.MerchantId, registration.Url, registration.EventTypes,
            protector.Seal(secret, SecretField(registration.MerchantId, registration.Id)), registration.CreatedAt);
        try
        {
            await _table.AddEntityAsync(WebhookEndpointRows.ToRow(endpoint), cancellationToken);
            return new CreatedWebhookEndpoint(endpoint, secret);
        }
        catch (RequestFailedException ex) when (StorageErrors.IsAlreadyExists(ex))
        {
            var existing = await GetAsync(endpoint.MerchantId, endpoint.Id, cancellationToken) ?? throw new InvalidOperationException(
                $"Endpoint {endpoint.Id} existed and then vanished during its creation.", ex);
            return new CreatedWebhookEndpoint(existing, protector.Reveal(existing.Secret));
        }
        finally
        {
            Changed(registration.MerchantId);
        }
    }

    public async Task<WebhookEndpoint?> GetAsync(string merchantId, string endpointId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityOrNullAsync(merchantId, endpointId, cancellationToken);
        return row is null ? null : WebhookEndpointRows.FromRow(row);
    }

    public async Task<IReadOnlyList<WebhookEndpoint>> ListAsync(string merchantId, CancellationToken cancellationToken)
    {
        var endpoints = new List<WebhookEndpoint>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {merchantId}"), cancellationToken: cancellationToken))
        {
            endpoints.Add(WebhookEndpointRows.FromRow(row));
        }

        return endpoints;
    }

    /// <summary>The merchant's endpoints for a fan-out: <see cref="ListAsync"/>, cached for
    /// <see cref="WebhookOptions.EndpointCacheDuration"/> (one table query per merchant and interval instead of one per
    /// event batch).</summary>
    public async Task<IReadOnlyList<WebhookEndpoint>> ListForDeliveryAsync(string merchantId, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        long generation;
        lock (_cacheGate)
        {
            if (_cache.TryGetValue(merchantId, out var cached) && now - cached.ReadAt < _cacheDuration)
            {
                return cached.Endpoints;
            }

            generation = _generations.GetValueOrDefault(merchantId);
        }

        var endpoints = await ListAsync(merchantId, cancellationToken);
        lock (_cacheGate)
        {
            if (_cacheDuration > TimeSpan.Zero && _generations.GetValueOrDefault(merchantId) == generation)
            {
                _cache[merchantId] = new CachedEndpoints(now, endpoints);
            }
        }

        return endpoints;
    }

    /// <summary>False when there was no such endpoint.</summary>
    public async Task<bool> DeleteAsync(string merchantId, string endpointId, CancellationToken cancellationToken)
    {
        try
        {
            // The SDK's delete answers a missing row with its 404 response rather than an exception.
            using var response = await _table.DeleteEntityAsync(merchantId, endpointId, ETag.All, cancellationToken);
            return response.Status != 404;
        }
        finally
        {
            Changed(merchantId);
        }
    }

    /// <summary>Marks the endpoint disabled (merge, so a concurrent delete is not undone: a missing row stays missing).</summary>
    public async Task DisableAsync(string merchantId, string endpointId, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var patch = new TableEntity(merchantId, endpointId) { [WebhookEndpointRows.DisabledReason] = reason, [WebhookEndpointRows.DisabledAt] = at };
        try
        {
            await _table.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (StorageErrors.IsNotFound(ex))
        {
            // Deleted meanwhile: nothing left to disable.
        }
        finally
        {
            Changed(merchantId);
        }
    }

    /// <summary>Applies <paramref name="changes"/>; null when there is no such endpoint. Enabling clears the disabled
    /// reason, whether a 410 Gone or the merchant set it.</summary>
    public Task<WebhookEndpoint?> UpdateAsync(
        string merchantId, string endpointId, WebhookEndpointChanges changes, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return ChangeAsync(merchantId, endpointId, row => WebhookEndpointRows.Apply(row, changes, at), cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="newSecret"/> the signing secret and keeps the one it replaces signing alongside it for
    /// <see cref="PreviousSecretLifetime"/> from <paramref name="at"/>, both encrypted. A secret still kept from an earlier rotation is dropped (as Stripe
    /// does): at most two secrets sign. Null when there is no such endpoint.
    /// </summary>
    public async Task<RotatedWebhookSecret?> RotateSecretAsync(
        string merchantId, string endpointId, string newSecret, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var endpoint = await ChangeAsync(merchantId, endpointId, row =>
        {
            var current = WebhookEndpointRows.FromRow(row).Secret;
            row[PreviousSecretProperty] = protector.Protect(protector.Reveal(current), PreviousSecretField(merchantId, endpointId));
            row[WebhookEndpointRows.PreviousSecretExpiresAt] = at + PreviousSecretLifetime;
            row[SecretProperty] = protector.Protect(newSecret, SecretField(merchantId, endpointId));
        }, cancellationToken);
        return endpoint is null ? null : new RotatedWebhookSecret(endpoint, newSecret);
    }

    private async Task<WebhookEndpoint?> ChangeAsync(string merchantId, string endpointId, Action<TableEntity> change, CancellationToken cancellationToken)
    {
        try
        {
            return await ChangeOnceAsync(merchantId, endpointId, change, cancellationToken);
        }
        finally
        {
            Changed(merchantId);
        }
    }

    private async Task<WebhookEndpoint?> ChangeOnceAsync(string merchantId, string endpointId, Action<TableEntity> change, CancellationToken cancellationToken)
    {
        for (var tries = 1; ; tries++)
        {
            var row = await _table.GetEntityOrNullAsync(merchantId, endpointId, cancellationToken);
            if (row is null)
            {
                return null;
            }

            change(row);
            try
            {
                await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return WebhookEndpointRows.FromRow(row);
            }
            catch (RequestFailedException ex) when ((StorageErrors.IsPreconditionFailed(ex) || StorageErrors.IsNotFound(ex)) && tries < MaxChangeTries)
            {
                // Changed (or deleted) since read: apply the change again to what is there now.
            }
        }
    }

    /// <summary>Drops the merchant's cached list after a write; the generation stops a list read that was under way
    /// during the write, and may have missed it, from being cached after it.</summary>
    private void Changed(string merchantId)
    {
        lock (_cacheGate)
        {
            _generations[merchantId] = _generations.GetValueOrDefault(merchantId) + 1;
            _cache.Remove(merchantId);
        }
    }

    private sealed record CachedEndpoints(DateTimeOffset ReadAt, IReadOnlyList<WebhookEndpoint> Endpoints);
}
