namespace Checkout.Bench;

/// <summary>One bench invocation: its conditions, its runs, and what this build could not measure.</summary>
internal sealed record BenchResult(
    DateTimeOffset StartedAt,
    string Command,
    int ProcessorCount,
    string Machine,
    IReadOnlyList<RunFigures> Runs,
    IReadOnlyList<string> NotMeasured)
{
    public bool Passed => Runs.All(r => r.Audit is null || r.Audit.Passed);
}
