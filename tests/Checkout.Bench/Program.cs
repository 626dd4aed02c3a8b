using System.Runtime.InteropServices;
using Checkout.Bench;

if (args.Contains("--help"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

// Ctrl+C and SIGTERM cancel the run; the runner's using-blocks then stop the app instances and Azurite it started.
using var cancel = new CancellationTokenSource();
void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    cancel.Cancel();
}

using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

try
{
    var result = await new BenchRunner(options, Console.Out).RunAsync(cancel.Token);
    var json = BenchReport.Write(result, options.Output);
    Console.WriteLine();
    Console.WriteLine(MarkdownSummary.Write(result));
    Console.WriteLine($"Results: {json} (and .svg, .md beside it)");
    foreach (var violation in result.Runs.Where(r => r.Audit is not null).SelectMany(r => r.Audit!.Violations.Take(20).Select(v => $"{r.Label}: {v}")))
    {
        Console.Error.WriteLine("VIOLATION " + violation);
    }

    return result.Passed ? 0 : 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("Canceled; everything the bench started has been stopped.");
    return 130;
}
