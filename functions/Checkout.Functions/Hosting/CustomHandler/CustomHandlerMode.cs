using System.Globalization;
using System.Net;

namespace Checkout.Functions.Hosting.CustomHandler;

/// <summary>
/// Whether the Azure Functions host runs this process as its custom handler: the host sets
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> and expects an HTTP server on 127.0.0.1 at that port. In that mode the host
/// delivers queue messages, so the app's own queue listener stays off.
/// </summary>
public static class CustomHandlerMode
{
    public const string PortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static bool IsEnabled(IConfiguration configuration) => Port(configuration) is not null;

    /// <summary>The port the host chose, or null when the app runs standalone. A malformed value fails start-up.</summary>
    public static int? Port(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[PortSetting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"{PortSetting} must be a TCP port number, not '{value}'.");
        }

        return port;
    }

    /// <summary>Listens where the host calls: loopback only, whatever --urls or ASPNETCORE_URLS say.</summary>
    public static WebApplicationBuilder UseCustomHandlerPortIfSet(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (Port(builder.Configuration) is { } port)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        }

        return builder;
    }
}
