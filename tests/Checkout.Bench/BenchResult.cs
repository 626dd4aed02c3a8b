using Checkout.Bench.Baseline;

namespace Checkout.Bench;

/// <summary>One bench invocation: its conditions, its runs, the bare-engine baseline if run, and what this build could not measure.</summary>
internal sealed record BenchResult(
    DateTimeOffset StartedAt,
    string Command,
    int ProcessorCount,
    string Machine,
    IReadOnlyList<RunFigures> Runs,
    IReadOnlyList<string> NotMeasured)
{
    /// <summary>The bare-engine run of <c>--baseline</c>, when asked for.</summary>
    public BaselineFigures? Baseline { get; init; }

    public BaselineComparison? AgainstBaseline => BaselineComparison.Of(Runs, Baseline);

    public bool Passed => Runs.All(r => r.Audit is null || r.Audit.Passed);
}
