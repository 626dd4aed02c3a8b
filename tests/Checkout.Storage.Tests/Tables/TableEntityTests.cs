using Checkout.Storage.Tables;

namespace Checkout.Storage.Tests.Tables;

public sealed class TableEntityTests
{
    [Fact]
    public void Indexer_SetNull_RemovesTheProperty()
    {
        var entity = new TableEntity("p", "r") { ["A"] = "a" };

        entity["A"] = null;

        Assert.False(entity.ContainsKey("A"));
        Assert.Equal(0, entity.Count);
    }

    [Fact]
    public void Indexer_TypeWithoutEdmType_ThrowsArgumentException()
    {
        var entity = new TableEntity("p", "r");

        Assert.Throws<ArgumentException>(() => entity["M"] = 1.5m);
        Assert.Throws<ArgumentException>(() => entity["F"] = 1.5f);
        Assert.Throws<ArgumentException>(() => entity["O"] = new object());
    }

    [Fact]
    public void Indexer_UnspecifiedKindDateTime_ThrowsBecauseItsInstantIsAmbiguous()
    {
        var entity = new TableEntity("p", "r");

        Assert.Throws<ArgumentException>(() => entity["T"] = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
    }

    [Fact]
    public void Indexer_DateTimeAndOffsets_AreStoredAsUtcDateTimeOffset()
    {
        var entity = new TableEntity("p", "r")
        {
            ["Utc"] = new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc),
            ["Offset"] = new DateTimeOffset(2024, 1, 1, 14, 0, 0, TimeSpan.FromHours(2)),
        };

        Assert.Equal(TimeSpan.Zero, entity.GetDateTimeOffset("Utc")!.Value.Offset);
        Assert.Equal(TimeSpan.Zero, entity.GetDateTimeOffset("Offset")!.Value.Offset);
        Assert.Equal(entity.GetDateTimeOffset("Utc"), entity.GetDateTimeOffset("Offset"));
    }

    [Fact]
    public void TypedGetters_AbsentProperty_ReturnNull()
    {
        var entity = new TableEntity("p", "r");

        Assert.Null(entity.GetString("x"));
        Assert.Null(entity.GetInt32("x"));
        Assert.Null(entity.GetInt64("x"));
        Assert.Null(entity.GetDouble("x"));
        Assert.Null(entity.GetBoolean("x"));
        Assert.Null(entity.GetDateTimeOffset("x"));
        Assert.Null(entity.GetGuid("x"));
        Assert.Null(entity.GetBinary("x"));
        Assert.Null(entity["x"]);
    }

    [Fact]
    public void TypedGetters_SmallerNumbers_WidenToInt64AndDouble()
    {
        var entity = new TableEntity("p", "r") { ["I"] = 5, ["L"] = 6L };

        Assert.Equal(5L, entity.GetInt64("I"));
        Assert.Equal(5.0, entity.GetDouble("I"));
        Assert.Equal(6.0, entity.GetDouble("L"));
    }

    [Fact]
    public void TypedGetters_WrongType_ThrowInvalidOperationException()
    {
        var entity = new TableEntity("p", "r") { ["S"] = "5", ["L"] = 5L };

        Assert.Throws<InvalidOperationException>(() => entity.GetInt32("S"));
        Assert.Throws<InvalidOperationException>(() => entity.GetInt32("L"));
        Assert.Throws<InvalidOperationException>(() => entity.GetString("L"));
        Assert.Throws<InvalidOperationException>(() => entity.GetBinary("S"));
    }

    [Fact]
    public void Indexer_SystemNames_ReachTheKeysAndRefuseTimestamp()
    {
        var entity = new TableEntity { ["PartitionKey"] = "p", ["RowKey"] = "r" };

        Assert.Equal(("p", "r"), (entity.PartitionKey, entity.RowKey));
        Assert.Equal("p", entity["PartitionKey"]);
        Assert.Empty(entity.Keys);
        Assert.Throws<ArgumentException>(() => entity["Timestamp"] = DateTimeOffset.UtcNow);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a@odata.type")]
    [InlineData("odata.etag")]
    public void Indexer_ReservedOrMalformedName_ThrowsArgumentException(string name)
    {
        var entity = new TableEntity("p", "r");

        Assert.Throws<ArgumentException>(() => entity[name] = "x");
    }

    [Fact]
    public void Remove_ExistingProperty_ReturnsTrueOnce()
    {
        var entity = new TableEntity("p", "r") { ["A"] = 1 };

        Assert.True(entity.Remove("A"));
        Assert.False(entity.Remove("A"));
    }
}
