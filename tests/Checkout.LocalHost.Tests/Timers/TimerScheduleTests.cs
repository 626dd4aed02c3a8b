using Checkout.LocalHost.Timers;

namespace Checkout.LocalHost.Tests.Timers;

public sealed class TimerScheduleTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 10, 0, 7, TimeSpan.Zero);

    [Fact]
    public void Parse_TimeSpan_FiresEveryInterval() =>
        Assert.Equal(At.AddSeconds(15), TimerSchedule.Parse("00:00:15").Next(At));

    [Fact]
    public void Parse_NcrontabWithSeconds_FiresOnTheNextMatchingSecondInUtc() =>
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 10, 0, 15, TimeSpan.Zero), TimerSchedule.Parse("*/15 * * * * *").Next(At));

    [Fact]
    public void Parse_FiveFieldCron_FiresOnTheNextMatchingMinute() =>
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 11, 0, 0, TimeSpan.Zero), TimerSchedule.Parse("0 * * * *").Next(At));

    [Theory]
    [InlineData("every minute")]
    [InlineData("00:00:00")]
    [InlineData("61 * * * * *")]
    public void Parse_NeitherForm_ThrowsFormatException(string expression) =>
        Assert.Throws<FormatException>(() => TimerSchedule.Parse(expression));
}
