namespace Checkout.Bench;

/// <summary>One checkout as the load driver saw it. Times are seconds since the run started (client clock);
/// null where the checkout never got there.</summary>
internal sealed class CheckoutRecord(int index, string idempotencyKey)
{
    public int Index { get; } = index;

    public string IdempotencyKey { get; } = idempotencyKey;

    public string? Id { get; set; }

    public double? StartSentAt { get; set; }

    public double? AwaitingSeenAt { get; set; }

    public double? ConfirmSentAt { get; set; }

    public double? CompletedSeenAt { get; set; }

    /// <summary>The last status seen: "completed", or where it stopped (a terminal status, or the phase it was stuck in).</summary>
    public string? FinalStatus { get; set; }

    public string? Error { get; set; }

    public int Polls { get; set; }
}
