namespace Checkout.Bench.Baseline;

/// <summary>What the bare-engine baseline run measured: orchestrations of <see cref="BaselineOrchestration"/>'s shape
/// per second at the app run's concurrency, and the engine's storage operations per orchestration by kind (the
/// driver's status polls excluded, as the app's are in the comparison).</summary>
internal sealed record BaselineFigures
{
    public required int Orchestrations { get; init; }

    public required int Completed { get; init; }

    public required int Concurrency { get; init; }

    public required double Seconds { get; init; }

    public required double OrchestrationsPerSecond { get; init; }

    public required IReadOnlyDictionary<string, double> StorageOperationsPerOrchestration { get; init; }

    public required double StorageOperationsPerOrchestrationTotal { get; init; }

    /// <summary>The engine settings it ran with, as the app's local host reads them.</summary>
    public required string EngineSettings { get; init; }

    /// <summary>CPU per completed orchestration: the engine runs in the bench's process, with the driver.</summary>
    public CpuPerCheckout? Cpu { get; init; }

    public IReadOnlyList<string> FailureSamples { get; init; } = [];
}
