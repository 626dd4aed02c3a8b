using System.Diagnostics;
using System.Text;

namespace Checkout.Testing;

/// <summary>The function app as a separate process, run by the local host exactly as the run script starts it, on a
/// free loopback port. The caller's output folder must hold <c>Checkout.LocalHost.dll</c> (a project reference to
/// tools/Checkout.LocalHost brings it, the app and its functions.metadata).</summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += OnTestProcessExit;
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>CPU time the running process has used so far (user and kernel); zero once it has exited (its count goes
    /// with it), as <see cref="AzuriteProcess.ProcessorTime"/>, so a reading never hides why the app stopped.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            try
            {
                _process.Refresh();
                return _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the read.
                return TimeSpan.Zero;
            }
        }
    }

    public static AppProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var port = LoopbackPorts.Free();
        var app = Path.Combine(AppContext.BaseDirectory, "Checkout.LocalHost.dll");
        // Working directory = the app's folder, as the run script's; the local host finds its settings there either way.
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(app);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new AppProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Waits up to a minute until <c>/api/health</c> answers: healthy (2xx) or, with
    /// <paramref name="healthy"/> false, at all (an app up with stale FX rates answers 503).</summary>
    /// <exception cref="InvalidOperationException">The app exited first; the message holds its output.</exception>
    public async Task WaitUntilServingAsync(bool healthy = true)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        await Eventually.UntilAsync(
            async () =>
            {
                try
                {
                    using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative));
                    return response.IsSuccessStatusCode || !healthy || HasExited;
                }
                catch (HttpRequestException)
                {
                    return HasExited;
                }
            },
            up => up,
            TimeSpan.FromSeconds(60),
            "the app answers /api/health");
        if (HasExited)
        {
            throw new InvalidOperationException("The app exited: " + Output);
        }
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
    }

    /// <summary>SIGKILL: the process gets no chance to finish, release or flush anything.</summary>
    public void Crash()
    {
        lock (_output)
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
        }
    }

    /// <summary>SIGTERM, as a host shutting an instance down: the app finishes in-flight messages and exits; killed if
    /// it has not exited within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!_disposed && !_process.HasExited && OperatingSystem.IsLinux() && NativeSignals.Terminate(_process.Id))
        {
            using var cts = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                // Did not exit in time: Dispose kills it.
            }
        }

        Dispose();
    }

    public void Dispose()
    {
        Crash();
        lock (_output)
        {
            if (!_disposed)
            {
                _disposed = true;
                AppDomain.CurrentDomain.ProcessExit -= OnTestProcessExit;
                _process.Dispose();
            }
        }
    }

    // A test run that dies must not leave worker processes behind.
    private void OnTestProcessExit(object? sender, EventArgs e) => Crash();

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
