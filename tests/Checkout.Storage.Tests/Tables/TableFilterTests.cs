using Checkout.Storage.Tables;

namespace Checkout.Storage.Tests.Tables;

public sealed class TableFilterTests
{
    [Fact]
    public void Create_String_QuotesAndDoublesEmbeddedQuotes()
    {
        var value = "it's ' or 1 eq 1 or 'a' eq 'a";

        var filter = TableFilter.Create($"Name eq {value}");

        Assert.Equal("Name eq 'it''s '' or 1 eq 1 or ''a'' eq ''a'", filter);
    }

    [Fact]
    public void Create_EachType_BecomesItsTypedLiteral()
    {
        var guid = Guid.Parse("6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
        var time = new DateTimeOffset(2024, 1, 2, 5, 4, 5, TimeSpan.FromHours(2)).AddTicks(1);

        Assert.Equal("A eq 42", TableFilter.Create($"A eq {42}"));
        Assert.Equal("A eq 42L", TableFilter.Create($"A eq {42L}"));
        Assert.Equal("A eq true", TableFilter.Create($"A eq {true}"));
        Assert.Equal("A eq 2.5", TableFilter.Create($"A eq {2.5}"));
        Assert.Equal("A eq guid'6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'", TableFilter.Create($"A eq {guid}"));
        Assert.Equal("A eq datetime'2024-01-02T03:04:05.0000001Z'", TableFilter.Create($"A eq {time}"));
        Assert.Equal("A eq X'00ff10'", TableFilter.Create($"A eq {new byte[] { 0, 255, 16 }}"));
        Assert.Equal("A eq 'c'", TableFilter.Create($"A eq {'c'}"));
    }

    [Fact]
    public void Create_WholeNumberDouble_KeepsADecimalPointSoItStaysADouble()
    {
        Assert.Equal("A gt 5.0", TableFilter.Create($"A gt {5.0}"));
        Assert.Equal("A gt 1E+20", TableFilter.Create($"A gt {1e20}"));
    }

    [Fact]
    public void Create_FormatSpecifierInTemplate_CannotReformatTheLiteral()
    {
        Assert.Equal("A eq 255", TableFilter.Create($"A eq {255:X}"));
    }

    [Fact]
    public void Create_ValuesWithoutALiteral_ThrowArgumentException()
    {
        string? missing = null;

        Assert.Throws<ArgumentException>(() => TableFilter.Create($"A eq {missing}"));
        Assert.Throws<ArgumentException>(() => TableFilter.Create($"A eq {1.5m}"));
        Assert.Throws<ArgumentException>(() => TableFilter.Create($"A eq {double.NaN}"));
        Assert.Throws<ArgumentException>(() => TableFilter.Create($"A eq {new DateTime(2024, 1, 1)}"));
        Assert.Throws<ArgumentException>(() => TableFilter.Create($"A eq {new object()}"));
    }
}
