using System.Diagnostics;
using Checkout.Testing;

namespace Checkout.Functions.Tests.Packaging;

/// <summary>
/// The zip <c>./publish.sh</c> produces. A package already in <c>artifacts/</c> is reused when it is newer than the
/// app build and host.json these tests run against; otherwise the script runs (a self-contained publish: minutes on
/// a busy machine, which is why it runs once per test run, not per test).
/// </summary>
public sealed class FunctionAppPackage : IAsyncLifetime
{
    public string ZipPath { get; } = Path.Combine(RepositoryPaths.Root, "artifacts", "checkout-functions.zip");

    public async Task InitializeAsync()
    {
        if (!IsFresh())
        {
            await PublishAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private bool IsFresh()
    {
        if (!File.Exists(ZipPath))
        {
            return false;
        }

        var built = new[] { Path.Combine(AppContext.BaseDirectory, "Checkout.Functions.dll"), Path.Combine(RepositoryPaths.Root, "host.json") }
            .Max(File.GetLastWriteTimeUtc);
        return File.GetLastWriteTimeUtc(ZipPath) > built;
    }

    private static async Task PublishAsync()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "publish.sh"));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"./publish.sh failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }
    }
}
