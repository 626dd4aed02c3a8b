namespace Checkout.Storage;

/// <summary>Retry, timeout and protocol settings shared by the queue and table clients of one account.</summary>
public sealed class StorageClientOptions
{
    /// <summary>Retries after the first attempt for transient failures (408, 429, 5xx gateway/busy, network, timeout). 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First back-off delay; doubles per retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Limit for one attempt (send and read the response); an attempt that exceeds it is retried.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The <c>x-ms-version</c> sent. 2021-12-02 is below Azurite's baseline and has every feature used here.</summary>
    public string ServiceVersion { get; set; } = "2021-12-02";

    public StorageOperationCounters Counters { get; set; } = new();

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryBaseDelay, TimeSpan.Zero, nameof(RetryBaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryMaxDelay, RetryBaseDelay, nameof(RetryMaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(NetworkTimeout, TimeSpan.Zero, nameof(NetworkTimeout));
        ArgumentException.ThrowIfNullOrWhiteSpace(ServiceVersion, nameof(ServiceVersion));
        ArgumentNullException.ThrowIfNull(Counters, nameof(Counters));
    }
}
