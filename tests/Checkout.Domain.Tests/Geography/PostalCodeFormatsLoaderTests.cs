using Checkout.Domain.Geography;
using Checkout.Domain.ReferenceData;
using Checkout.Domain.Tests.Logistics;

namespace Checkout.Domain.Tests.Geography;

public sealed class PostalCodeFormatsLoaderTests
{
    private const string Src = "\"source\": \"https://example.org/formats\"";

    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["not JSON"] = "{ \"countries\": [",
        ["no countries"] = "{ \"formats\": [] }",
        ["country name instead of code"] =
            $$"""{ "countries": [ { "country": "Pakistan", "pattern": "\\d{5}", "example": "44000", "effectiveFrom": "2025-06-12", {{Src}} } ] }""",
        ["example does not match"] =
            $$"""{ "countries": [ { "country": "PK", "pattern": "\\d{5}", "example": "4400", "effectiveFrom": "2025-06-12", {{Src}} } ] }""",
        ["pattern does not compile"] =
            $$"""{ "countries": [ { "country": "PK", "pattern": "(\\d{5}", "example": "44000", "effectiveFrom": "2025-06-12", {{Src}} } ] }""",
        ["no postal code but a pattern"] =
            $$"""{ "countries": [ { "country": "HK", "noPostalCode": true, "pattern": "\\d{6}", "effectiveFrom": "2025-06-12", {{Src}} } ] }""",
        ["pattern without example"] =
            $$"""{ "countries": [ { "country": "PK", "pattern": "\\d{5}", "effectiveFrom": "2025-06-12", {{Src}} } ] }""",
        ["period ends before it starts"] =
            $$"""{ "countries": [ { "country": "PK", "pattern": "\\d{5}", "example": "44000", "effectiveFrom": "2025-06-12", "effectiveTo": "2025-06-12", {{Src}} } ] }""",
        ["date not ISO"] =
            $$"""{ "countries": [ { "country": "PK", "pattern": "\\d{5}", "example": "44000", "effectiveFrom": "12/06/2025", {{Src}} } ] }""",
        ["source not a URL"] =
            """{ "countries": [ { "country": "PK", "pattern": "\\d{5}", "example": "44000", "effectiveFrom": "2025-06-12", "source": "libaddressinput" } ] }""",
        ["two formats at once"] =
            $$"""
            { "countries": [
              { "country": "PK", "pattern": "\\d{5}", "example": "44000", "effectiveFrom": "2025-06-12", {{Src}} },
              { "country": "PK", "pattern": "\\d{6}", "example": "440000", "effectiveFrom": "2026-01-01", {{Src}} } ] }
            """,
    };

    [Theory]
    [InlineData("not JSON", "(file)", "not valid JSON")]
    [InlineData("no countries", "(root)", "'countries' is missing")]
    [InlineData("country name instead of code", "countries[0]", "'Pakistan' is not an ISO 3166-1 alpha-2 country code")]
    [InlineData("example does not match", "countries[0] (PK)", "example '4400' does not match pattern")]
    [InlineData("pattern does not compile", "countries[0] (PK)", "'pattern' is not a valid regular expression")]
    [InlineData("no postal code but a pattern", "countries[0] (HK)", "'noPostalCode' must be true and comes without 'pattern'")]
    [InlineData("pattern without example", "countries[0] (PK)", "'example' is missing")]
    [InlineData("period ends before it starts", "countries[0] (PK)", "'effectiveTo' must be after 'effectiveFrom'")]
    [InlineData("date not ISO", "countries[0] (PK)", "'effectiveFrom' must be a date written yyyy-MM-dd")]
    [InlineData("source not a URL", "countries[0] (PK)", "'source' must be an absolute http(s) URL")]
    [InlineData("two formats at once", "countries[1] (PK)", "overlaps an earlier entry's effective period")]
    public void Load_MalformedFile_NamesFileEntryAndReason(string file, string entry, string reason)
    {
        var source = new InMemoryReferenceData(new Dictionary<string, string> { [PostalCodeFormats.FilePath] = Files[file] });

        var error = Assert.Throws<ReferenceDataException>(() => PostalCodeFormats.Load(source));

        Assert.Equal(PostalCodeFormats.FilePath, error.File);
        Assert.Equal(entry, error.Entry);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ConsecutiveFormats_ValidatesAgainstTheOneInEffect()
    {
        var json = $$"""
            { "countries": [
              { "country": "PK", "pattern": "\\d{5}", "example": "44000", "effectiveFrom": "2020-01-01", "effectiveTo": "2027-01-01", {{Src}} },
              { "country": "PK", "pattern": "\\d{6}", "example": "440000", "effectiveFrom": "2027-01-01", {{Src}} } ] }
            """;
        var formats = PostalCodeFormats.Load(new InMemoryReferenceData(new Dictionary<string, string> { [PostalCodeFormats.FilePath] = json }));
        var pk = new CountryCode("PK");

        Assert.Equal(PostalCodeStatus.Valid, formats.Validate(pk, "44000", new DateOnly(2026, 12, 31)).Status);
        Assert.Equal(PostalCodeStatus.Malformed, formats.Validate(pk, "44000", new DateOnly(2027, 1, 1)).Status);
        Assert.Equal(PostalCodeStatus.Valid, formats.Validate(pk, "440000").Status);
    }
}
