using Checkout.Domain.Customs;

namespace Checkout.Domain.Tests.Customs;

public sealed class HsCodeTests
{
    [Theory]
    [InlineData("610910", "610910", "61", "6109", "610910", "")]
    [InlineData("6109.10", "610910", "61", "6109", "610910", "")]
    [InlineData("61091000", "61091000", "61", "6109", "610910", "00")]
    [InlineData("6109.10.0010", "6109100010", "61", "6109", "610910", "0010")]
    [InlineData("0101.21", "010121", "01", "0101", "010121", "")]
    public void Parse_ValidCode_SplitsChapterHeadingSubheading(
        string text, string digits, string chapter, string heading, string subheading, string extension)
    {
        var code = HsCode.Parse(text);

        Assert.Equal((digits, chapter, heading, subheading, extension), (code.Digits, code.Chapter, code.Heading, code.Subheading, code.NationalExtension));
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("61091", "5 digits")]
    [InlineData("6109100", "7 digits")]
    [InlineData("610910000", "9 digits")]
    [InlineData("61091000001", "11 digits")]
    [InlineData("6109 10", "digits, optionally grouped")]
    [InlineData("6109-10", "digits, optionally grouped")]
    [InlineData("6109..10", "digits, optionally grouped")]
    [InlineData(".610910", "digits, optionally grouped")]
    [InlineData("610910.", "digits, optionally grouped")]
    [InlineData("6１0910", "digits, optionally grouped")]
    [InlineData("000000", "chapter 00")]
    [InlineData("770000", "chapter 77")]
    [InlineData("980100", "chapter 98")]
    [InlineData("9903011000", "chapter 99")]
    public void TryParse_InvalidCode_RefusesWithReason(string? text, string reason)
    {
        Assert.False(HsCode.TryParse(text, out _, out var why));
        Assert.Contains(reason, why, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => HsCode.Parse(text));
    }

    [Fact]
    public void StartsWith_MatchesByPrefixOnDigits()
    {
        var code = HsCode.Parse("6109.10.00");

        Assert.True(code.StartsWith(string.Empty));
        Assert.True(code.StartsWith("61"));
        Assert.True(code.StartsWith("610910"));
        Assert.False(code.StartsWith("62"));
    }

    [Fact]
    public void Equality_DottedAndPlainFormsAreTheSameCode() =>
        Assert.Equal(HsCode.Parse("6109.10"), HsCode.Parse("610910"));
}
