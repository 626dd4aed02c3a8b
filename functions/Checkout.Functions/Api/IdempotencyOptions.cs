namespace Checkout.Functions.Api;

/// <summary>Section <c>Idempotency</c> of the app settings: how long Idempotency-Key records are kept.</summary>
internal sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>The promise made to clients (as Stripe's): a key is honoured at least this long after its answer.</summary>
    public static readonly TimeSpan MinRetention = TimeSpan.FromHours(24);

    /// <summary>Records older than this (since their answer, or since their start while in flight) are pruned.</summary>
    public TimeSpan Retention { get; set; } = MinRetention;

    /// <summary>How often one instance sweeps; several instances sweeping at once only race on the same deletes.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    public void Validate()
    {
        if (Retention < MinRetention)
        {
            throw new InvalidOperationException($"{SectionName}:Retention must be at least {MinRetention} (the API promises 24 hours).");
        }

        if (SweepInterval <= TimeSpan.Zero || SweepInterval > TimeSpan.FromDays(1))
        {
            throw new InvalidOperationException($"{SectionName}:SweepInterval must be more than zero and at most one day.");
        }
    }
}
