namespace Checkout.Storage;

/// <summary>
/// Parses <c>UseDevelopmentStorage=true</c>; <c>DefaultEndpointsProtocol=..;AccountName=..;AccountKey=..;EndpointSuffix=..</c>
/// (host-style endpoints <c>{protocol}://{account}.queue.{suffix}</c>); and explicit <c>QueueEndpoint=</c>/<c>TableEndpoint=</c>
/// (path-style when the endpoint path carries the account, as for Azurite). Messages name settings, never values,
/// because a value may be the key.
/// </summary>
internal static class StorageConnectionStringParser
{
    private const string DefaultSuffix = "core.windows.net";

    private static readonly HashSet<string> KnownSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        "UseDevelopmentStorage", "DefaultEndpointsProtocol", "AccountName", "AccountKey", "EndpointSuffix",
        "QueueEndpoint", "TableEndpoint", "BlobEndpoint", "FileEndpoint",
    };

    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var settings = Split(connectionString);
        if (settings.TryGetValue("UseDevelopmentStorage", out var dev))
        {
            return ParseDevelopment(settings, dev);
        }

        var accountName = Required(settings, "AccountName");
        var key = DecodeKey(Required(settings, "AccountKey"));
        var protocol = Protocol(settings);
        var suffix = settings.TryGetValue("EndpointSuffix", out var s) ? s.Trim('.') : DefaultSuffix;
        var queue = Endpoint(settings, "QueueEndpoint") ?? HostStyle(protocol, accountName, "queue", suffix);
        var table = Endpoint(settings, "TableEndpoint") ?? HostStyle(protocol, accountName, "table", suffix);
        return new StorageConnectionString(accountName, key, queue, table, isDevelopmentStorage: false);
    }

    private static Dictionary<string, string> Split(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (segments.Length == 0)
        {
            throw new FormatException("The storage connection string is empty.");
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var eq = segments[i].IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"Segment {i + 1} of the storage connection string is not a 'Name=Value' setting.");
            }

            var name = segments[i][..eq].Trim();
            var value = segments[i][(eq + 1)..].Trim();
            if (!KnownSettings.Contains(name))
            {
                throw new FormatException($"The storage connection string has an unsupported setting '{SafeName(name)}' (SAS and token credentials are not supported).");
            }

            if (value.Length == 0)
            {
                throw new FormatException($"The storage connection string setting '{name}' is empty.");
            }

            if (!settings.TryAdd(name, value))
            {
                throw new FormatException($"The storage connection string sets '{name}' more than once.");
            }
        }

        return settings;
    }

    private static StorageConnectionString ParseDevelopment(Dictionary<string, string> settings, string value)
    {
        if (!string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException("UseDevelopmentStorage must be 'true' when present.");
        }

        if (settings.Count > 1)
        {
            throw new FormatException("UseDevelopmentStorage=true cannot be combined with other settings; give the full Azurite connection string instead.");
        }

        return new StorageConnectionString(
            StorageConnectionString.DevelopmentAccountName,
            Convert.FromBase64String(StorageConnectionString.DevelopmentAccountKey),
            new Uri("http://127.0.0.1:10001/" + StorageConnectionString.DevelopmentAccountName),
            new Uri("http://127.0.0.1:10002/" + StorageConnectionString.DevelopmentAccountName),
            isDevelopmentStorage: true);
    }

    private static string Required(Dictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var value)
            ? value
            : throw new FormatException($"The storage connection string has no {name}.");

    private static byte[] DecodeKey(string key)
    {
        var buffer = new byte[key.Length];
        if (!Convert.TryFromBase64String(key, buffer, out var written) || written == 0)
        {
            throw new FormatException("The storage connection string AccountKey is not valid base64.");
        }

        return buffer[..written];
    }

    private static string Protocol(Dictionary<string, string> settings)
    {
        if (!settings.TryGetValue("DefaultEndpointsProtocol", out var protocol))
        {
            return Uri.UriSchemeHttps;
        }

        return protocol.ToUpperInvariant() switch
        {
            "HTTPS" => Uri.UriSchemeHttps,
            "HTTP" => Uri.UriSchemeHttp,
            _ => throw new FormatException("DefaultEndpointsProtocol must be 'http' or 'https'."),
        };
    }

    private static Uri? Endpoint(Dictionary<string, string> settings, string name)
    {
        if (!settings.TryGetValue(name, out var value))
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException($"{name} must be an absolute http or https URI.");
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new FormatException($"{name} must not carry a query or fragment.");
        }

        return new Uri(uri.AbsoluteUri.TrimEnd('/'));
    }

    private static Uri HostStyle(string protocol, string accountName, string service, string suffix)
    {
        var text = $"{protocol}://{accountName}.{service}.{suffix}";
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.HostNameType == UriHostNameType.Dns
            ? uri
            : throw new FormatException($"AccountName and EndpointSuffix do not form a valid {service} host name.");
    }

    // A stray segment before its first '=' may be most of a base64 key (keys end in "="): echo only what looks like
    // a setting name, never anything long or with base64 punctuation.
    private static string SafeName(string name) =>
        name.Length <= 30 && name.All(char.IsAsciiLetter) ? name : "(unrecognised)";
}
