namespace Checkout.LocalHost.Queues;

/// <summary>
/// The Functions queue trigger's randomized exponential polling back-off
/// (<c>RandomizedExponentialBackoffStrategy(minimum, maxPollingInterval)</c>): after a poll that found messages, wait
/// the minimum and reset; after an empty poll, wait <c>min + rand(0.8..1.2) * 2^(n-1) * min</c>, capped at the maximum.
/// </summary>
internal sealed class PollingBackoff
{
    // 2^30 times the minimum is far past any sensible maximum; stop growing the exponent there to avoid overflow.
    private const int MaxExponent = 30;

    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private readonly Func<double> _random;
    private int _exponent = 1;

    /// <param name="random">A source of uniform values in [0, 1); injected so tests can pin the jitter.</param>
    public PollingBackoff(TimeSpan min, TimeSpan max, Func<double> random)
    {
        _min = min;
        _max = max;
        _random = random;
    }

    public TimeSpan Next(bool foundMessages)
    {
        if (foundMessages)
        {
            _exponent = 1;
            return _min;
        }

        var jitter = 0.8 + (0.4 * _random());
        var delay = _min + (_min * (jitter * Math.Pow(2, _exponent - 1)));
        _exponent = Math.Min(_exponent + 1, MaxExponent);
        return delay < _max ? delay : _max;
    }
}
