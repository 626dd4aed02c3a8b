using Checkout.Storage.Tables;

namespace Checkout.Storage.Tests.Tables;

public sealed class TableEntityLimitsTests
{
    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\tb")]
    [InlineData("a\u0085b")]
    public void ValidateForWrite_ForbiddenKeyCharacter_Throws(string key)
    {
        Assert.Throws<ArgumentException>(() => TableEntityLimits.ValidateForWrite(new TableEntity(key, "r")));
        Assert.Throws<ArgumentException>(() => TableEntityLimits.ValidateForWrite(new TableEntity("p", key)));
    }

    [Fact]
    public void ValidateForWrite_KeyOverOneKiBOfUtf16_Throws()
    {
        TableEntityLimits.ValidateForWrite(new TableEntity(new string('k', 512), "r"));

        Assert.Throws<ArgumentException>(() => TableEntityLimits.ValidateForWrite(new TableEntity(new string('k', 513), "r")));
    }

    [Fact]
    public void ValidateForWrite_StringOver32KCharacters_Throws()
    {
        TableEntityLimits.ValidateForWrite(new TableEntity("p", "r") { ["S"] = new string('s', 32 * 1024) });

        Assert.Throws<ArgumentException>(() => TableEntityLimits.ValidateForWrite(new TableEntity("p", "r") { ["S"] = new string('s', (32 * 1024) + 1) }));
    }

    [Fact]
    public void ValidateForWrite_BinaryOver64KiB_Throws()
    {
        TableEntityLimits.ValidateForWrite(new TableEntity("p", "r") { ["B"] = new byte[64 * 1024] });

        Assert.Throws<ArgumentException>(() => TableEntityLimits.ValidateForWrite(new TableEntity("p", "r") { ["B"] = new byte[(64 * 1024) + 1] }));
    }

    [Fact]
    public void ValidateForWrite_MoreThan252CustomProperties_Throws()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 252; i++)
        {
            entity[$"P{i}"] = i;
        }

        TableEntityLimits.ValidateForWrite(entity);
        entity["OneTooMany"] = 0;

        Assert.Throws<ArgumentException>(() => TableEntityLimits.ValidateForWrite(entity));
    }

    [Fact]
    public void ValidateForWrite_DateBefore1601_Throws()
    {
        TableEntityLimits.ValidateForWrite(new TableEntity("p", "r") { ["T"] = TableEntityLimits.MinDateTime });

        Assert.Throws<ArgumentException>(() => TableEntityLimits.ValidateForWrite(new TableEntity("p", "r") { ["T"] = TableEntityLimits.MinDateTime.AddTicks(-1) }));
    }
}
