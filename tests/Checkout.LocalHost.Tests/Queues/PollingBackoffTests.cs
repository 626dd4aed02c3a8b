using Checkout.LocalHost.Queues;

namespace Checkout.LocalHost.Tests.Queues;

public sealed class PollingBackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void EmptyPolls_GrowExponentiallyFromTheMinimum_WithMidpointJitter()
    {
        var backoff = new PollingBackoff(Min, TimeSpan.FromMinutes(1), () => 0.5);

        var delays = Enumerable.Range(0, 5).Select(_ => backoff.Next(foundMessages: false).TotalMilliseconds).ToArray();

        Assert.Equal([200, 300, 500, 900, 1700], delays);
    }

    [Theory]
    [InlineData(0.0, 160)]
    [InlineData(0.999999, 240)]
    public void Jitter_StaysWithinPlusMinusTwentyPercent(double random, double expectedMs)
    {
        var backoff = new PollingBackoff(Min, TimeSpan.FromMinutes(1), () => random);

        backoff.Next(false);
        var second = backoff.Next(false);

        Assert.Equal(expectedMs + 100, second.TotalMilliseconds, precision: 1);
    }

    [Fact]
    public void Delay_IsCappedAtTheMaximum()
    {
        var backoff = new PollingBackoff(Min, TimeSpan.FromSeconds(2), () => 1.0);

        var last = TimeSpan.Zero;
        for (var i = 0; i < 100; i++)
        {
            last = backoff.Next(false);
        }

        Assert.Equal(TimeSpan.FromSeconds(2), last);
    }

    [Fact]
    public void Hit_ReturnsTheMinimum_AndResetsTheExponent()
    {
        var backoff = new PollingBackoff(Min, TimeSpan.FromMinutes(1), () => 0.5);
        backoff.Next(false);
        backoff.Next(false);
        backoff.Next(false);

        var afterHit = backoff.Next(foundMessages: true);
        var nextEmpty = backoff.Next(foundMessages: false);

        Assert.Equal(Min, afterHit);
        Assert.Equal(TimeSpan.FromMilliseconds(200), nextEmpty);
    }
}
