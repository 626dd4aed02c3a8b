namespace Checkout.Bench;

/// <summary>Everything one load run measured. Latencies without "Client" come from the checkouts' own history
/// (server clock); the client ones include the webhook delivery the driver waits for.</summary>
internal sealed record RunFigures
{
    public required string Label { get; init; }

    public required int Instances { get; init; }

    public required string OfferedLoad { get; init; }

    public required int Checkouts { get; init; }

    public required int Completed { get; init; }

    public required IReadOnlyList<string> FailureSamples { get; init; }

    public required double Seconds { get; init; }

    public required double CheckoutsPerSecond { get; init; }

    public required LatencySummary StartToAwaitingMs { get; init; }

    public required LatencySummary ConfirmToCompletedMs { get; init; }

    public required LatencySummary ClientStartToAwaitingMs { get; init; }

    public required LatencySummary ClientConfirmToCompletedMs { get; init; }

    public required double StatusPollsPerCheckout { get; init; }

    public required IReadOnlyDictionary<string, double> StorageOperationsPerCheckout { get; init; }

    public required double StorageOperationsPerCheckoutTotal { get; init; }

    /// <summary>Storage operations one status GET costs, measured on the app after the run.</summary>
    public IReadOnlyDictionary<string, double>? StatusPollCost { get; init; }

    public required long StorageRetries { get; init; }

    public required long ClientRetries { get; init; }

    public required IReadOnlyList<TimelinePoint> Timeline { get; init; }

    /// <summary>Event time to receipt at the bench's own webhook endpoint, subscribed to every event type.</summary>
    public LatencySummary? WebhookDeliveryMs { get; init; }

    public IReadOnlyDictionary<string, int> WebhooksReceived { get; init; } = new Dictionary<string, int>();

    public CeilingFigures? Ceiling { get; init; }

    public double? AchievedOverCeiling => Ceiling is { CheckoutsPerSecond: > 0 } c ? Math.Round(CheckoutsPerSecond / c.CheckoutsPerSecond, 3) : null;

    public AuditResult? Audit { get; init; }

    public int InstanceRestarts { get; init; }

    public bool AzuriteRestarted { get; init; }

    /// <summary>The slowest start to <c>awaiting_confirmation</c> among the warm-up checkouts, the first the freshly
    /// started instances served (server clock); not part of <see cref="StartToAwaitingMs"/>.</summary>
    public double? ColdStartToAwaitingMs { get; init; }

    /// <summary>Checkouts driven before the run, audited with it and left out of its other figures.</summary>
    public int WarmUpCheckouts { get; init; }

    /// <summary>CPU per completed checkout by process over the measured run; null for the chaos round.</summary>
    public CpuPerCheckout? Cpu { get; init; }

    /// <summary>True when instances were killed: operations between the last read of a killed instance and its death are lost.</summary>
    public bool StorageCountsApproximate { get; init; }
}
