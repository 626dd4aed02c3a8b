using Checkout.Domain.Payouts.BankAccounts;

namespace Checkout.Domain.Tests.Payouts;

/// <summary>Bank accounts per country: IBAN (ISO 13616 mod-97 and the registry's lengths), BIC (ISO 9362), Chinese bank
/// cards (Luhn), US ABA routing numbers, Hong Kong and Macau local accounts, with valid and invalid samples.</summary>
public sealed class BankAccountSchemaTests
{
    [Theory]
    [InlineData("PK36SCBL0000001123456702", "PK")] // the IBAN registry's Pakistan example, 24 characters
    [InlineData("GB29NWBK60161331926819", "GB")]
    [InlineData("DE89370400440532013000", "DE")]
    [InlineData("FR1420041010050500013M02606", "FR")]
    [InlineData("NL91ABNA0417164300", "NL")]
    [InlineData("AE070331234567890123456", "AE")]
    [InlineData("SA0380000000608010167519", "SA")]
    public void Iban_RegistryExamples_AreValid(string iban, string country) => Assert.Null(Iban.Check(iban, country));

    [Theory]
    [InlineData("PK37SCBL0000001123456702", "PK", "check digits")] // check digits changed
    [InlineData("PK36SCBL0000001123456703", "PK", "check digits")] // one account digit changed
    [InlineData("PK36SCBL000000112345670", "PK", "24 characters")] // one short
    [InlineData("PK36SCBL00000011234567021", "PK", "24 characters")] // one long
    [InlineData("GB29NWBK60161331926819", "PK", "starting with PK")]
    [InlineData("PK36SCBL00000011234567-2", "PK", "letters and digits")]
    [InlineData("CN36SCBL0000001123456702", "CN", "not paid by IBAN")]
    public void Iban_Invalid_SaysWhy(string iban, string country, string why) =>
        Assert.Contains(why, Iban.Check(iban, country), StringComparison.Ordinal);

    [Fact]
    public void Iban_Normalize_DropsSpacesAndUpperCases() =>
        Assert.Equal("PK36SCBL0000001123456702", Iban.Normalize("pk36 scbl 0000 0011 2345 6702"));

    [Fact]
    public void Iban_Compose_GivesCheckDigitsThatPass()
    {
        var iban = Iban.Compose("PK", "SCBL0000001123456702");
        Assert.Equal("PK36SCBL0000001123456702", iban);
        Assert.Null(Iban.Check(iban, "PK"));
    }

    [Theory]
    [InlineData("BKCHMOMX", "MO", null)]
    [InlineData("BKCHMOMXXXX", "MO", null)]
    [InlineData("SCBLPKKX", "PK", null)]
    [InlineData("SCBLPKKX", "MO", "country is PK")]
    [InlineData("SCBLPKK", "PK", "8 or 11")]
    [InlineData("SCBLPKKX12", "PK", "8 or 11")]
    [InlineData("SCB1PKKX", "PK", "8 or 11")]
    [InlineData("scblpkkx", "PK", "8 or 11")]
    public void Bic_ChecksShapeAndCountry(string bic, string country, string? why)
    {
        var problem = Bic.Check(bic, country);
        if (why is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(why, problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("6222020123456789", true)]
    [InlineData("6222020123456788", false)]
    [InlineData("4111111111111111", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("79927398713", true)]
    public void Luhn_CheckDigit(string digits, bool valid) => Assert.Equal(valid, Luhn.IsValid(digits));

    [Theory]
    [InlineData("110000000", true)] // Stripe's test routing number
    [InlineData("021000021", true)] // JPMorgan Chase
    [InlineData("021000022", false)]
    [InlineData("11000000", false)]
    public void AbaRoutingNumber_Checksum(string routing, bool valid) => Assert.Equal(valid, AbaRoutingNumber.IsValid(routing));

    [Fact]
    public void ChinaBankCard_ValidCardWithItsBank_IsAnAccount()
    {
        var (account, problems) = BankAccountSchema.Read("CN", new BankAccountFields(CardNumber: "6222 0201 2345 6789", BankName: "Industrial and Commercial Bank of China"));

        Assert.Empty(problems);
        Assert.Equal(new BankAccount(BankAccountScheme.ChinaBankCard, "6222020123456789", BankName: "Industrial and Commercial Bank of China"), account);
        Assert.Equal("**** 6789", account!.Masked);
    }

    [Theory]
    [InlineData("622202012345678")] // 15 digits
    [InlineData("62220201234567890123")] // 20 digits
    [InlineData("6222020123456788")] // Luhn fails
    public void ChinaBankCard_BadNumber_NamesCardNumber(string card)
    {
        var (account, problems) = BankAccountSchema.Read("CN", new BankAccountFields(CardNumber: card, BankName: "Bank of China"));

        Assert.Null(account);
        Assert.Equal(["cardNumber"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.DoesNotContain(card, p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void HongKong_BankBranchAndAccount()
    {
        var (account, problems) = BankAccountSchema.Read("HK", new BankAccountFields(BankCode: "004", BranchCode: "123", AccountNumber: "123456789"));

        Assert.Empty(problems);
        Assert.Equal((BankAccountScheme.HongKongLocal, "004", "123", "123456789"), (account!.Scheme, account.BankCode, account.BranchCode, account.AccountNumber));
    }

    [Fact]
    public void Macau_NeedsTheBanksBic()
    {
        var (_, missing) = BankAccountSchema.Read("MO", new BankAccountFields(AccountNumber: "9000123456789"));
        var (account, problems) = BankAccountSchema.Read("MO", new BankAccountFields(AccountNumber: "9000123456789", Bic: "BKCHMOMX"));

        Assert.Equal(["bic"], missing.Select(p => p.Field));
        Assert.Empty(problems);
        Assert.Equal(BankAccountScheme.MacauLocal, account!.Scheme);
    }

    [Fact]
    public void Pakistan_IbanWithBic_MaskedKeepsCountryAndCheckDigits()
    {
        var (account, problems) = BankAccountSchema.Read("PK", new BankAccountFields(Iban: "pk36 scbl 0000 0011 2345 6702", Bic: "SCBLPKKX"));

        Assert.Empty(problems);
        Assert.Equal("PK36SCBL0000001123456702", account!.AccountNumber);
        Assert.Equal("PK36 **** 6702", account.Masked);
    }

    [Fact]
    public void FieldsAnotherSchemeUses_AreRefusedByName()
    {
        var (_, problems) = BankAccountSchema.Read("GB", new BankAccountFields(Iban: "GB29NWBK60161331926819", CardNumber: "6222020123456789", RoutingNumber: "110000000"));

        Assert.Equal(["cardNumber", "routingNumber"], problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData("PK", new[] { "PKR" })]
    [InlineData("MO", new[] { "MOP", "HKD" })]
    [InlineData("HK", new[] { "HKD" })]
    [InlineData("CN", new[] { "CNY" })]
    [InlineData("FR", new[] { "EUR" })]
    [InlineData("BR", new string[0])]
    public void PayoutCurrency_FollowsTheCountry(string country, string[] currencies) =>
        Assert.Equal(currencies, BankAccountSchema.CurrenciesFor(country));

    [Fact]
    public void CountryPayoutsDoNotReach_IsNamed()
    {
        var (_, problems) = BankAccountSchema.Read("BR", new BankAccountFields(AccountNumber: "12345678"));

        Assert.Equal(["country"], problems.Select(p => p.Field));
    }
}
