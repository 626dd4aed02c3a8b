using Checkout.Functions.Api;
using Checkout.Workflows.Persistence;

namespace Checkout.Functions.Tests.Api;

/// <summary>The status view's <c>historyEvents</c>: in the order the events were applied, which is also time order, even
/// when an event applied later carries an earlier clock (the customs and logistics checks run in parallel on any worker).</summary>
public sealed class CheckoutHistoryViewTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void History_LaterEventWithEarlierClock_KeepsSequenceOrderAndNeverGoesBackInTime()
    {
        HistoryEntry[] timeline =
        [
            new(1, "checkout.started", Start, "quoting", null),
            new(2, "fx.quoted", Start.AddSeconds(1), "checking", null),
            new(3, "customs.screened", Start.AddSeconds(3), "checking", null),
            new(4, "logistics.planned", Start.AddSeconds(2), "checking", null),
            new(5, "landed_cost.priced", Start.AddSeconds(4), "awaiting_confirmation", null),
        ];

        var history = CheckoutViews.History(timeline);

        Assert.Equal([1, 2, 3, 4, 5], history.Select(h => h.Sequence));
        Assert.Equal(
            [Start, Start.AddSeconds(1), Start.AddSeconds(3), Start.AddSeconds(3), Start.AddSeconds(4)],
            history.Select(h => h.Timestamp));
    }

    [Fact]
    public void History_InTimeAlready_ShowsEachEventsOwnTime()
    {
        HistoryEntry[] timeline = [new(2, "fx.quoted", Start.AddSeconds(1), "checking", "q"), new(1, "checkout.started", Start, "quoting", null)];

        var history = CheckoutViews.History(timeline);

        Assert.Equal([(1, Start), (2, Start.AddSeconds(1))], history.Select(h => (h.Sequence, h.Timestamp)));
        Assert.Equal("q", history[1].Detail);
    }
}
