using System.Diagnostics;

namespace Checkout.Functions.Tests;

/// <summary>Runs a command to completion and captures what it printed: the app's one-shot verbs, the OpenAPI linter.</summary>
internal static class ToolProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish in 3 minutes.");
        }

        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Runs the function app's dll (next to the tests) with a verb, e.g. <c>merchants create</c>.</summary>
    public static Task<Result> RunAppAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "Checkout.Functions.dll"), .. arguments], AppContext.BaseDirectory, environment);

    /// <summary>Runs the local host's dll (next to the tests) with a verb, e.g. <c>openapi</c>.</summary>
    public static Task<Result> RunLocalHostAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "Checkout.LocalHost.dll"), .. arguments], AppContext.BaseDirectory, environment);
}
