using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Checkout.Workflows.Storage;

/// <summary>
/// The storage account as Azure Functions reads <c>AzureWebJobsStorage</c>: a connection string in the setting itself
/// (<c>UseDevelopmentStorage=true</c> for Azurite, as appsettings.Development.json sets it), or identity-based, from
/// <c>AzureWebJobsStorage__accountName</c> or the per-service URIs <c>__queueServiceUri</c> and
/// <c>__tableServiceUri</c>, with a <see cref="TokenCredential"/> (optionally a user-assigned identity's
/// <c>__clientId</c>). Validated when read, so a bad or missing setting stops start-up: there is no default, so an app
/// whose setting was forgotten never quietly uses a local emulator. No message ever repeats the setting's value, which
/// may hold an account key.
/// </summary>
public sealed class StorageAccountSettings
{
    public const string SettingName = "AzureWebJobsStorage";

    private StorageAccountSettings(string? connectionString, Uri? queueServiceUri, Uri? tableServiceUri, string? clientId)
    {
        ConnectionString = connectionString;
        QueueServiceUri = queueServiceUri;
        TableServiceUri = tableServiceUri;
        ManagedIdentityClientId = clientId;
    }

    /// <summary>Set when the account is reached with a connection string (account key or SAS).</summary>
    public string? ConnectionString { get; }

    /// <summary>Set, with <see cref="TableServiceUri"/>, when the account is reached with an identity.</summary>
    public Uri? QueueServiceUri { get; }

    public Uri? TableServiceUri { get; }

    /// <summary>The client id of a user-assigned managed identity (<c>AzureWebJobsStorage__clientId</c>), if any.</summary>
    public string? ManagedIdentityClientId { get; }

    public bool UsesIdentity => ConnectionString is null;

    /// <exception cref="InvalidOperationException">The setting is malformed; the message says what is wrong.</exception>
    public static StorageAccountSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SettingName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return FromConnectionString(section.Value);
        }

        var accountName = section["accountName"];
        var queueUri = ServiceUri(section, "queueServiceUri", accountName, "queue");
        var tableUri = ServiceUri(section, "tableServiceUri", accountName, "table");
        if (queueUri is null && tableUri is null)
        {
            throw Invalid(
                $"it is not set. Set {SettingName} to a connection string (UseDevelopmentStorage=true for Azurite), or "
                + $"{SettingName}__accountName for an identity-based connection.");
        }

        if (queueUri is null || tableUri is null)
        {
            throw Invalid($"identity-based, it needs {SettingName}__accountName, or both {SettingName}__queueServiceUri and {SettingName}__tableServiceUri.");
        }

        return new StorageAccountSettings(null, queueUri, tableUri, section["clientId"]);
    }

    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions options, TokenCredential credential) =>
        ConnectionString is not null
            ? new QueueServiceClient(ConnectionString, options)
            : new QueueServiceClient(QueueServiceUri!, credential, options);

    public TableServiceClient CreateTableServiceClient(TableClientOptions options, TokenCredential credential) =>
        ConnectionString is not null
            ? new TableServiceClient(ConnectionString, options)
            : new TableServiceClient(TableServiceUri!, credential, options);

    private static StorageAccountSettings FromConnectionString(string connectionString)
    {
        // The SDK parses the string; constructing both clients here surfaces a malformed one at start-up rather than
        // on the first request. Its messages can quote parts of the string, so they are not passed on verbatim.
        try
        {
            _ = new QueueServiceClient(connectionString);
            _ = new TableServiceClient(connectionString);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            throw Invalid(
                "it is not a storage connection string the Azure SDK accepts. Expected UseDevelopmentStorage=true, or "
                + "AccountName with AccountKey (base64) or SharedAccessSignature, with DefaultEndpointsProtocol and optionally "
                + "EndpointSuffix or QueueEndpoint/TableEndpoint; or, identity-based, AzureWebJobsStorage__accountName. "
                + $"The SDK said: {Redact(ex.Message, connectionString)}");
        }

        return new StorageAccountSettings(connectionString, null, null, null);
    }

    private static Uri? ServiceUri(IConfigurationSection section, string key, string? accountName, string service)
    {
        var explicitUri = section[key];
        if (string.IsNullOrWhiteSpace(explicitUri))
        {
            return string.IsNullOrWhiteSpace(accountName) ? null : new Uri($"https://{accountName}.{service}.core.windows.net");
        }

        return Uri.TryCreate(explicitUri, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri
            : throw Invalid($"{SettingName}__{key} must be an absolute http(s) URI.");
    }

    private static string Redact(string message, string connectionString)
    {
        foreach (var part in connectionString.Split(';', '='))
        {
            if (part.Trim().Length >= 4)
            {
                message = message.Replace(part.Trim(), "***", StringComparison.Ordinal);
            }
        }

        return message;
    }

    // No inner exception: a host that prints the exception chain would print the SDK's unredacted message.
    private static InvalidOperationException Invalid(string problem) => new($"The {SettingName} setting is not valid: {problem}");
}
