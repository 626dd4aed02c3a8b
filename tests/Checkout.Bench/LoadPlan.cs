namespace Checkout.Bench;

/// <summary>How one load run offers its checkouts.</summary>
internal sealed record LoadPlan(int Checkouts, int Concurrency, double? Rate, TimeSpan PollInterval);
