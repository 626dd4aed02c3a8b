using System.Text.Json;

namespace Checkout.Bench.Tests;

public sealed class FigureMathTests
{
    [Fact]
    public void LatencySummary_HundredSamples_NearestRankPercentiles()
    {
        var summary = LatencySummary.Of(Enumerable.Range(1, 100).Select(i => (double)i).Reverse());

        Assert.Equal((100, 50.0, 95.0, 99.0, 100.0), (summary.Count, summary.P50!.Value, summary.P95!.Value, summary.P99!.Value, summary.Max!.Value));
    }

    [Fact]
    public void LatencySummary_NoSamples_ReportsNothingRatherThanZero()
    {
        Assert.Null(LatencySummary.Of([]).P99);
    }

    [Fact]
    public void StorageMix_FractionalRate_WholeCountsSumToTheRate()
    {
        var mix = StorageMix.From(new StorageSnapshot(new Dictionary<string, long> { ["Table.Batch"] = 14, ["Retry"] = 3 }), 10);

        Assert.Equal(14, Enumerable.Range(0, 10).Sum(i => mix.CountFor("Table.Batch", i)));
        Assert.Equal(0, mix.CountFor("Retry", 0));
        Assert.Equal(1.4, mix.Total, 6);
    }

    [Fact]
    public void ServerTimings_History_MeasuresFromStartedAndConfirmToTheStatuses()
    {
        using var status = JsonDocument.Parse("""
            {"historyEvents":[
              {"eventType":"CheckoutStarted","status":"quoting","timestamp":"2026-11-22T05:00:00.000+00:00"},
              {"eventType":"LogisticsPlanned","status":"awaiting_confirmation","timestamp":"2026-11-22T05:00:00.120+00:00"},
              {"eventType":"ConfirmRequested","status":"capturing","timestamp":"2026-11-22T05:00:01.000+00:00"},
              {"eventType":"PayoutHandedOff","status":"completed","timestamp":"2026-11-22T05:00:01.345+00:00"}]}
            """);

        Assert.Equal(new ServerTimings(120, 345), ServerTimings.FromStatus(status.RootElement));
    }

    [Fact]
    public void BenchOptions_UnknownOrBadOption_Refused()
    {
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--checkouts", "0"]));
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--frobnicate"]));
        Assert.Equal([1, 2], BenchOptions.Parse([]).Instances);
    }
}
