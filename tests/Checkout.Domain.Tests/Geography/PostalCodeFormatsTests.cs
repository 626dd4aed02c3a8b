using Checkout.Domain.Geography;

namespace Checkout.Domain.Tests.Geography;

public sealed class PostalCodeFormatsTests
{
    private static readonly DateOnly Day = new(2026, 11, 22);

    public static TheoryData<string, string?, PostalCodeStatus> Cases => new()
    {
        { "PK", "75500", PostalCodeStatus.Valid }, // Karachi
        { "PK", "54000", PostalCodeStatus.Valid }, // Lahore
        { "PK", "7550", PostalCodeStatus.Malformed },
        { "PK", null, PostalCodeStatus.Missing },
        { "CN", "518000", PostalCodeStatus.Valid }, // Shenzhen
        { "CN", "51800", PostalCodeStatus.Malformed },
        { "FR", "69001", PostalCodeStatus.Valid }, // Lyon
        { "FR", "69 001", PostalCodeStatus.Valid },
        { "FR", "6900", PostalCodeStatus.Malformed },
        { "DE", "10117", PostalCodeStatus.Valid },
        { "DE", "1011", PostalCodeStatus.Malformed },
        { "GB", "SW1A 1AA", PostalCodeStatus.Valid },
        { "GB", "sw1a1aa", PostalCodeStatus.Valid },
        { "GB", "EC1Y 8SY", PostalCodeStatus.Valid },
        { "GB", "BFPO 801", PostalCodeStatus.Valid },
        { "GB", "12345", PostalCodeStatus.Malformed },
        { "US", "95014", PostalCodeStatus.Valid },
        { "US", "95014-1234", PostalCodeStatus.Valid },
        { "US", "9501", PostalCodeStatus.Malformed },
        { "US", "95014-12", PostalCodeStatus.Malformed },
        { "CA", "K1A 0B1", PostalCodeStatus.Valid },
        { "CA", "k1a0b1", PostalCodeStatus.Valid },
        { "CA", "D1A 0B1", PostalCodeStatus.Malformed }, // D is not a first letter
        { "AU", "2000", PostalCodeStatus.Valid }, // Sydney
        { "AU", "200", PostalCodeStatus.Malformed },
        { "SG", "238880", PostalCodeStatus.Valid },
        { "SG", "23888", PostalCodeStatus.Malformed },
        { "HK", null, PostalCodeStatus.Valid },
        { "HK", "000000", PostalCodeStatus.NotExpected },
        { "MO", null, PostalCodeStatus.Valid },
        { "MO", "999078", PostalCodeStatus.NotExpected },
        { "AE", null, PostalCodeStatus.Valid },
        { "AE", "  ", PostalCodeStatus.Valid }, // blank counts as none
        { "ZZ", "anything", PostalCodeStatus.NoFormatOnFile },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_ShippedFormats_ClassifiesPostalCode(string country, string? postalCode, PostalCodeStatus expected)
    {
        Assert.Equal(expected, PostalCodeFormats.Default.Validate(new CountryCode(country), postalCode, Day).Status);
        Assert.Equal(expected, PostalCodeFormats.Default.Validate(new CountryCode(country), postalCode).Status);
    }

    [Theory]
    [InlineData(PostalCodeStatus.Valid, true)]
    [InlineData(PostalCodeStatus.NotExpected, true)]
    [InlineData(PostalCodeStatus.NoFormatOnFile, true)]
    [InlineData(PostalCodeStatus.Missing, false)]
    [InlineData(PostalCodeStatus.Malformed, false)]
    public void IsAcceptable_ToleratesCodesForCountriesWithoutThem(PostalCodeStatus status, bool acceptable)
    {
        Assert.Equal(acceptable, new PostalCodeCheck(status, null, null).IsAcceptable);
    }

    [Fact]
    public void Validate_Malformed_SaysTheExpectedFormatAndAnExample()
    {
        var check = PostalCodeFormats.Default.Validate(new CountryCode("PK"), " 4400 ", Day);

        Assert.Equal("4400", check.Normalized);
        Assert.Equal(@"\d{5}", check.Format?.Pattern);
        Assert.Equal("44000", check.Format?.Example);
        Assert.Contains("e.g. 44000", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BeforeTheFormatTookEffect_HasNoFormatOnFile()
    {
        var check = PostalCodeFormats.Default.Validate(new CountryCode("PK"), "bad", new DateOnly(2020, 1, 1));

        Assert.Equal(PostalCodeStatus.NoFormatOnFile, check.Status);
    }

    [Fact]
    public void Validate_VeryLongInput_IsMalformed()
    {
        // The GB pattern is a long alternation, matched without backtracking.
        var check = PostalCodeFormats.Default.Validate(new CountryCode("GB"), new string('A', 10_000) + "!", Day);

        Assert.Equal(PostalCodeStatus.Malformed, check.Status);
    }
}
