namespace Checkout.Functions.Api;

/// <summary>What the idempotency store says about a POST carrying an Idempotency-Key.</summary>
internal enum IdempotencyOutcome
{
    /// <summary>First use (or a takeover of an attempt that crashed): run the request, then record its response.</summary>
    Proceed,

    /// <summary>Already answered: replay the recorded response.</summary>
    Replay,

    /// <summary>Same key, different request: 422.</summary>
    Mismatch,

    /// <summary>Same key, first request still running: 409.</summary>
    InFlight,
}
