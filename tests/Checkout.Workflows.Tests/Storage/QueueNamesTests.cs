using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Tests.Storage;

public sealed class QueueNamesTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("checkout-work-poison")]
    [InlineData("a1-b2-c3")]
    public void IsValid_ServiceRules_Accepts(string name) => Assert.True(QueueNames.IsValid(name));

    [Theory]
    [InlineData(null)]
    [InlineData("ab")]
    [InlineData("Checkout")]
    [InlineData("-work")]
    [InlineData("work-")]
    [InlineData("double--hyphen")]
    [InlineData("under_score")]
    public void IsValid_BrokenRule_Refuses(string? name) => Assert.False(QueueNames.IsValid(name));

    [Fact]
    public void IsValid_LongerThan63_Refuses() => Assert.False(QueueNames.IsValid(new string('a', 64)));
}
