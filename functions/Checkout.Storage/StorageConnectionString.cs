namespace Checkout.Storage;

/// <summary>
/// A parsed Azure Storage connection string: account name, SharedKey and the queue and table endpoints.
/// The key stays internal and is never written to <see cref="ToString"/> or to an exception message.
/// </summary>
public sealed class StorageConnectionString
{
    internal const string DevelopmentAccountName = "devstoreaccount1";

    // Azurite's well-known key, public by design (https://github.com/Azure/Azurite#default-storage-account).
    internal const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly byte[] _accountKey;

    internal StorageConnectionString(string accountName, byte[] accountKey, Uri queueEndpoint, Uri tableEndpoint, bool isDevelopmentStorage)
    {
        AccountName = accountName;
        _accountKey = accountKey;
        QueueEndpoint = queueEndpoint;
        TableEndpoint = tableEndpoint;
        IsDevelopmentStorage = isDevelopmentStorage;
    }

    public string AccountName { get; }

    /// <summary>Queue service root without a trailing slash, e.g. <c>https://acct.queue.core.windows.net</c> or <c>http://127.0.0.1:10001/devstoreaccount1</c>.</summary>
    public Uri QueueEndpoint { get; }

    public Uri TableEndpoint { get; }

    public bool IsDevelopmentStorage { get; }

    /// <summary>The decoded account key: a copy, so no caller can alter the key the signer uses.</summary>
    internal byte[] AccountKeyBytes => (byte[])_accountKey.Clone();

    /// <summary>Parses the forms in <see cref="StorageConnectionStringParser"/>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static StorageConnectionString Parse(string connectionString) => StorageConnectionStringParser.Parse(connectionString);

    public static bool TryParse(string? connectionString, out StorageConnectionString? result)
    {
        try
        {
            result = connectionString is null ? null : Parse(connectionString);
        }
        catch (FormatException)
        {
            result = null;
        }

        return result is not null;
    }

    /// <summary>Builds the URI of a resource (queue, table, ...) under an endpoint; the relative path (or a bare "?query") must already be escaped.</summary>
    internal static Uri Combine(Uri endpoint, string relativePathAndQuery)
    {
        var root = endpoint.AbsoluteUri.TrimEnd('/');
        if (relativePathAndQuery.Length == 0)
        {
            // No trailing slash: Azurite matches "/account/queue" but rejects "/account/queue/".
            return new Uri(root);
        }

        return relativePathAndQuery[0] == '?'
            ? new Uri(root + relativePathAndQuery)
            : new Uri(root + "/" + relativePathAndQuery.TrimStart('/'));
    }

    public override string ToString() =>
        $"AccountName={AccountName};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint}";
}
