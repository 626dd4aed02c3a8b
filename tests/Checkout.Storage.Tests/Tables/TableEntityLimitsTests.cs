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

    [Fact]
    public void ServiceSize_FollowsTheServiceFormula()
    {
        var entity = new TableEntity("pk", "rk") { ["S"] = "abc", ["I"] = 1, ["L"] = 2L, ["B"] = true, ["G"] = Guid.Empty, ["X"] = new byte[3] };

        // 4 + 2*4 keys; each property 8 + 2*1 name, then string 4+6, int 4, long 8, bool 1, guid 16, binary 4+3.
        Assert.Equal(12 + (6 * 10) + 10 + 4 + 8 + 1 + 16 + 7, TableEntityLimits.ServiceSize(entity));
    }

    [Fact]
    public void ValidateForWrite_EntityOverOneMiB_Throws()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 15; i++)
        {
            entity[$"S{i:D2}"] = new string('s', 32 * 1024);
        }

        TableEntityLimits.ValidateForWrite(entity);
        entity["S15"] = new string('s', 32 * 1024);
        entity["S16"] = new string('s', 32 * 1024);

        Assert.Throws<ArgumentException>(() => TableEntityLimits.ValidateForWrite(entity));
    }
}
