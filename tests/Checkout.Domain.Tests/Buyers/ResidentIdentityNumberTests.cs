using Checkout.Domain.Buyers;

namespace Checkout.Domain.Tests.Buyers;

/// <summary>The PRC resident identity card number's GB 11643 check, and the masked form every view shows.</summary>
public sealed class ResidentIdentityNumberTests
{
    [Theory]
    [InlineData("11010519491231002X")] // the standard's own example: check character X
    [InlineData("440524198001010013")]
    [InlineData("310101199003078117")]
    public void Valid_Numbers_PassTheCheck(string number) => Assert.Null(ResidentIdentityNumber.Check(number));

    [Theory]
    [InlineData("110105194912310021", "check character")] // the example with a wrong check character
    [InlineData("11010519491231002x", "17 digits")] // the check X must be upper case
    [InlineData("11010519491331002X", "birth date")] // month 13
    [InlineData("11010518000101002X", "birth date")] // before 1900
    [InlineData("1101051949123100", "17 digits")] // 16 characters
    [InlineData("11010519491231002XX", "17 digits")]
    public void Invalid_Numbers_SayWhyWithoutRepeatingThem(string number, string why)
    {
        var problem = ResidentIdentityNumber.Check(number);

        Assert.Contains(why, problem, StringComparison.Ordinal);
        Assert.DoesNotContain(number[..14], problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckCharacter_IsMod11_2OfTheFirst17Digits()
    {
        Assert.Equal('X', ResidentIdentityNumber.CheckCharacterOf("11010519491231002"));
        Assert.Equal('3', ResidentIdentityNumber.CheckCharacterOf("44052419800101001"));
    }

    [Theory]
    [InlineData("王小明", "王**")]
    [InlineData("李娜", "李*")]
    [InlineData("Chan Tai Man", "C***********")]
    public void Masked_KeepsTheFirstCharacterAndTheNumbersAddressCodeAndLastFour(string name, string masked)
    {
        var identity = new BuyerIdentity(name, "11010519491231002X").Masked();

        Assert.Equal(new MaskedBuyerIdentity(masked, "110105********002X"), identity);
    }
}
