using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Checkout.Testing;

/// <summary>
/// An Azurite started from the repository's <c>node_modules</c> on free loopback ports, with disk persistence in a
/// temporary folder (Azurite's in-memory mode is about ten times slower for queue receive/delete cycles).
/// <see cref="RestartAsync"/> keeps the folder, so tests can prove that a storage restart loses nothing.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string ParentPidVariable = "CHECKOUT_AZURITE_PARENT_PID";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly StringBuilder _output = new();
    private Process? _process;

    private AzuriteProcess(string location, int blobPort, int queuePort, int tablePort)
    {
        Location = location;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public string Location { get; }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");

    public Uri TableEndpoint => new($"http://127.0.0.1:{TablePort}/{AccountName}");

    /// <summary>A full connection string with explicit endpoints, as the Azurite README gives it.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>CPU time the running Azurite has used so far (user and kernel); zero when it is not running. A restart
    /// starts the count again.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            if (_process is not { HasExited: false } process)
            {
                return TimeSpan.Zero;
            }

            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public static async Task<AzuriteProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        var location = Path.Combine(Path.GetTempPath(), "checkout-azurite-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(location);
        var ports = LoopbackPorts.Free(3);
        var azurite = new AzuriteProcess(location, ports[0], ports[1], ports[2]);
        await azurite.LaunchAsync(cancellationToken);
        return azurite;
    }

    /// <summary>Stops Azurite (SIGTERM, so it flushes its metadata store as on a normal shutdown) and starts it again
    /// on the same ports and the same disk folder.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken);
        await LaunchAsync(cancellationToken);
    }

    /// <summary>Asks Azurite to shut down, killing it if it has not exited within a minute. The grace is long because a
    /// hard kill can lose metadata Azurite had acknowledged (whole queues and tables), and an Azurite saturated by a load
    /// run can take well over ten seconds to flush.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_process is { HasExited: false } process && OperatingSystem.IsLinux() && NativeSignals.Terminate(process.Id))
        {
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            grace.CancelAfter(TimeSpan.FromMinutes(1));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Did not exit in time: fall through to the hard kill.
            }
        }

        Kill();
    }

    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            Directory.Delete(Location, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test run over clean-up.
        }

        return ValueTask.CompletedTask;
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var script = Path.Combine(RepositoryPaths.NodeModules, "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed at {script}; run `npm ci` in {RepositoryPaths.Root} (./test.sh does).");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Location,
            Environment = { [ParentPidVariable] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        // --skipApiVersionCheck: the Azure SDK's queue client sends a newer x-ms-version than Azurite 3.37 knows and would
        // be refused with 400 InvalidHeaderValue. The clients keep their default (newest) version, which is right for
        // Azure, rather than pinning an older one for the emulator's sake; run.sh and the bench start Azurite the same way.
        foreach (var arg in new[]
        {
            "--require", WriteParentWatchdog(), script, "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--location", Location,
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        _process.OutputDataReceived += (_, e) => Capture(e.Data);
        _process.ErrorDataReceived += (_, e) => Capture(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilListeningAsync(cancellationToken);
    }

    /// <summary>
    /// A test host that is killed (a timeout, vstest ending its host) never runs its exit handlers, and its Azurite
    /// would live on as an orphan holding ports and CPU. Azurite therefore loads this watchdog, which exits once the
    /// process that started it is gone.
    /// </summary>
    private string WriteParentWatchdog()
    {
        var path = Path.Combine(Location, "exit-with-parent.cjs");
        File.WriteAllText(path, $$"""
            const parent = Number(process.env.{{ParentPidVariable}});
            setInterval(() => { try { process.kill(parent, 0); } catch { process.exit(0); } }, 1000).unref();
            """);
        return path;
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited during start-up:\n{_output}");
            }

            if (await IsListeningAsync(QueuePort, cancellationToken) && await IsListeningAsync(TablePort, cancellationToken))
            {
                return;
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"Azurite did not listen on {QueuePort}/{TablePort} within {StartTimeout}:\n{_output}");
    }

    private static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
