using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Checkout.Testing;

namespace Checkout.Storage.Tests.Interop;

/// <summary>
/// Runs <c>node &lt;script&gt; &lt;json args&gt;</c> from the repository root (so the script finds
/// <c>node_modules</c>) and returns its stdout parsed as JSON; a non-zero exit fails the test with stderr.
/// Arguments larger than <see cref="MaxInlineArgumentBytes"/> would overflow the OS limit for one argument, so they
/// go in a temporary file passed as <c>@/path/to/args.json</c>: scripts read <c>process.argv[2]</c> as JSON, or as
/// a file name when it starts with '@'.
/// </summary>
internal static class NodeScript
{
    public const int MaxInlineArgumentBytes = 96 * 1024;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    // Keep non-ASCII and markup characters literal so payloads stay within one argument and are easy to read.
    private static readonly JsonSerializerOptions ArgumentJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="scriptPath">Path relative to the repository root, e.g. <c>tests/Checkout.Storage.Tests/Interop/queue-interop.mjs</c>.</param>
    public static async Task<JsonElement> RunAsync(string scriptPath, object arguments, CancellationToken cancellationToken = default)
    {
        var script = Path.Combine(RepositoryPaths.Root, scriptPath);
        Assert.True(File.Exists(script), $"Node script not found: {script}");
        var json = JsonSerializer.Serialize(arguments, ArgumentJson);
        var argsFile = Encoding.UTF8.GetByteCount(json) > MaxInlineArgumentBytes ? Path.GetTempFileName() : null;
        try
        {
            if (argsFile is not null)
            {
                await File.WriteAllTextAsync(argsFile, json, cancellationToken);
            }

            return await RunProcessAsync(script, argsFile is null ? json : "@" + argsFile, cancellationToken);
        }
        finally
        {
            if (argsFile is not null)
            {
                File.Delete(argsFile);
            }
        }
    }

    private static async Task<JsonElement> RunProcessAsync(string script, string argument, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            Assert.Fail($"node {Path.GetFileName(script)} exited with {process.ExitCode}:\n{await stderr}");
        }

        using var doc = JsonDocument.Parse(await stdout);
        return doc.RootElement.Clone();
    }
}
