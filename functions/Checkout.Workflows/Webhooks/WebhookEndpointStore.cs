using Azure;
using Azure.Data.Tables;
using Checkout.Workflows.Secrets;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Webhooks;

/// <summary>
/// Webhook endpoints, one partition per merchant (row = endpoint id), so a merchant's endpoints are one partition
/// query for the fan-out and another merchant's endpoint simply is not found. The signing secret is stored encrypted
/// (<see cref="SecretProtector"/>, bound to its row and column) and stays so in every endpoint read; only the sender
/// and the creation answer reveal it. A row written before encryption keeps its plain secret, which still works: rows
/// are never rewritten, so it stays plain until the endpoint is deleted and registered again.
/// </summary>
public sealed class WebhookEndpointStore(TableServiceClient tables, CheckoutWorkflowOptions options, SecretProtector protector)
{
    /// <summary>The table's name in the secrets' associated data: logical, so a resource prefix does not change it.</summary>
    public const string SecretTable = "webhook-endpoints";
    public const string SecretProperty = "Secret";

    private readonly TableClient _table = tables.GetTableClient(options.WebhookEndpointsTable);

    public static StorageField SecretField(string merchantId, string endpointId) => new(SecretTable, merchantId, endpointId, SecretProperty);

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
            await _table.AddEntityAsync(ToRow(endpoint), cancellationToken);
            return new CreatedWebhookEndpoint(endpoint, secret);
        }
        catch (RequestFailedException ex) when (StorageErrors.IsAlreadyExists(ex))
        {
            var existing = await GetAsync(endpoint.MerchantId, endpoint.Id, cancellationToken) ?? throw new InvalidOperationException(
                $"Endpoint {endpoint.Id} existed and then vanished during its creation.", ex);
            return new CreatedWebhookEndpoint(existing, protector.Reveal(existing.Secret));
        }
    }

    public async Task<WebhookEndpoint?> GetAsync(string merchantId, string endpointId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityOrNullAsync(merchantId, endpointId, cancellationToken);
        return row is null ? null : FromRow(row);
    }

    public async Task<IReadOnlyList<WebhookEndpoint>> ListAsync(string merchantId, CancellationToken cancellationToken)
    {
        var endpoints = new List<WebhookEndpoint>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {merchantId}"), cancellationToken: cancellationToken))
        {
            endpoints.Add(FromRow(row));
        }

        return endpoints;
    }

    /// <summary>False when there was no such endpoint.</summary>
    public async Task<bool> DeleteAsync(string merchantId, string endpointId, CancellationToken cancellationToken)
    {
        // The SDK's delete answers a missing row with its 404 response rather than an exception.
        using var response = await _table.DeleteEntityAsync(merchantId, endpointId, ETag.All, cancellationToken);
        return response.Status != 404;
    }

    /// <summary>Marks the endpoint disabled (merge, so a concurrent delete is not undone: a missing row stays missing).</summary>
    public async Task DisableAsync(string merchantId, string endpointId, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var patch = new TableEntity(merchantId, endpointId) { ["DisabledReason"] = reason, ["DisabledAt"] = at };
        try
        {
            await _table.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (StorageErrors.IsNotFound(ex))
        {
            // Deleted meanwhile: nothing left to disable.
        }
    }

    private static TableEntity ToRow(WebhookEndpoint endpoint) => new(endpoint.MerchantId, endpoint.Id)
    {
        ["Url"] = endpoint.Url.AbsoluteUri,
        ["EventTypes"] = string.Join(' ', endpoint.EventTypes),
        [SecretProperty] = endpoint.Secret.Stored,
        ["CreatedAt"] = endpoint.CreatedAt,
    };

    private static WebhookEndpoint FromRow(TableEntity row)
    {
        var types = row.GetString("EventTypes") ?? string.Empty;
        var reason = row.GetString("DisabledReason");
        return new WebhookEndpoint(
            row.RowKey,
            row.PartitionKey,
            new Uri(row.GetString("Url") ?? throw new InvalidOperationException($"Endpoint {row.RowKey} has no URL.")),
            types.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            new ProtectedValue(
                row.GetString(SecretProperty) ?? throw new InvalidOperationException($"Endpoint {row.RowKey} has no secret."),
                SecretField(row.PartitionKey, row.RowKey)),
            row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
            string.IsNullOrEmpty(reason) ? null : reason);
    }
}
