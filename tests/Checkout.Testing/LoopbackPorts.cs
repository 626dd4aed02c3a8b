using System.Net;
using System.Net.Sockets;

namespace Checkout.Testing;

/// <summary>Free loopback ports for the processes and servers tests start.</summary>
public static class LoopbackPorts
{
    /// <summary>One port the system has no listener on right now.</summary>
    public static int Free() => Free(1)[0];

    /// <summary><paramref name="count"/> distinct free ports. Each listener stays open until all are chosen: a port
    /// released at once may be handed out again by the next bind (Azurite once got the same port for its blob and
    /// queue services, and exited with EADDRINUSE).</summary>
    public static IReadOnlyList<int> Free(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listeners.Add(listener);
                listener.Start();
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }
        }
    }
}
