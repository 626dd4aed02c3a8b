using System.Net;
using System.Net.Sockets;

namespace Checkout.Workflows.Webhooks;

/// <summary>
/// Which endpoint URLs and addresses webhooks may reach: http(s) only, never link-local or cloud metadata addresses
/// (the classic SSRF targets), and loopback or private-network addresses (10/8, 172.16/12, 192.168/16, 100.64/10,
/// fc00::/7: the deployment's own network) only in Development. Checked at registration on the URL, and again on
/// every connection on the resolved address, so DNS that later points a name at a forbidden address gains nothing.
/// </summary>
public sealed class WebhookUrlPolicy(bool allowLocalNetworks)
{
    private const string LocalRefused = "Must not point at a loopback or private-network address outside Development.";

    private static readonly string[] MetadataHosts =
    [
        "metadata.google.internal", "metadata.goog", "metadata", "metadata.azure.internal", "instance-data", "instance-data.ec2.internal",
    ];

    private static readonly IPAddress AwsMetadataV6 = IPAddress.Parse("fd00:ec2::254");

    /// <summary>Null when the URL may be registered, else why not.</summary>
    public string? Check(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return "Must be an absolute http or https URL.";
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return "Must not contain credentials.";
        }

        var host = url.IdnHost.TrimEnd('.');
        if (MetadataHosts.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            return "Must not point at a cloud metadata service.";
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return allowLocalNetworks ? null : LocalRefused;
        }

        return IPAddress.TryParse(url.HostNameType == UriHostNameType.IPv6 ? host.Trim('[', ']') : host, out var address) ? CheckAddress(address) : null;
    }

    /// <summary>Null when a connection to the address is allowed, else why not.</summary>
    public string? CheckAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        // Before the private ranges: AWS's IPv6 metadata address lies inside fc00::/7 and stays refused everywhere.
        if (IsLinkLocal(address) || address.Equals(AwsMetadataV6))
        {
            return "Must not point at a link-local or cloud metadata address.";
        }

        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return "Must not point at an unspecified address.";
        }

        return (IPAddress.IsLoopback(address) || IsPrivate(address)) && !allowLocalNetworks ? LocalRefused : null;
    }

    private static bool IsPrivate(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return (bytes[0] & 0xFE) == 0xFC;
        }

        return bytes[0] == 10
            || (bytes[0] == 172 && (bytes[1] & 0xF0) == 16)
            || (bytes[0] == 192 && bytes[1] == 168)
            || (bytes[0] == 100 && (bytes[1] & 0xC0) == 64);
    }

    private static bool IsLinkLocal(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal;
        }

        var bytes = address.GetAddressBytes();
        return bytes[0] == 169 && bytes[1] == 254;
    }
}
