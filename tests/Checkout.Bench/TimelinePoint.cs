namespace Checkout.Bench;

/// <summary>One second of a run: checkouts completed in it, and start-to-awaiting latency of those started in it.</summary>
internal sealed record TimelinePoint(int Second, int Completed, double? StartToAwaitingP50Ms, double? StartToAwaitingP95Ms, double? StartToAwaitingP99Ms);
