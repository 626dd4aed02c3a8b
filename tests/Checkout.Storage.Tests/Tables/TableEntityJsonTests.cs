using System.Text;
using System.Text.Json;
using Checkout.Storage.Tables;

namespace Checkout.Storage.Tests.Tables;

public sealed class TableEntityJsonTests
{
    private static readonly Guid SomeGuid = Guid.Parse("6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    [Fact]
    public void Serialize_EveryType_AnnotatesExactlyTheTypesJsonCannotTellApart()
    {
        var entity = new TableEntity("p", "r")
        {
            ["S"] = "text",
            ["I"] = 7,
            ["B"] = true,
            ["L"] = long.MaxValue,
            ["D"] = 5.0,
            ["T"] = new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(2)).AddTicks(1234567),
            ["G"] = SomeGuid,
            ["X"] = new byte[] { 0, 1, 255 },
        };

        var json = Encoding.UTF8.GetString(TableEntityJson.Serialize(entity));

        Assert.Equal(
            """
            {"PartitionKey":"p","RowKey":"r","S":"text","I":7,"B":true,"L@odata.type":"Edm.Int64","L":"9223372036854775807",
            "D@odata.type":"Edm.Double","D":5,"T@odata.type":"Edm.DateTime","T":"2024-02-29T21:59:59.1234567Z",
            "G@odata.type":"Edm.Guid","G":"6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","X@odata.type":"Edm.Binary","X":"AAH/"}
            """.ReplaceLineEndings(string.Empty),
            json);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Serialize_NonFiniteDouble_WritesTheODataStringAndReadsItBack(double value, string wire)
    {
        var json = TableEntityJson.Serialize(new TableEntity("p", "r") { ["D"] = value });

        using var document = JsonDocument.Parse(json);
        Assert.Equal(wire, document.RootElement.GetProperty("D").GetString());
        Assert.Equal(value, TableEntityJson.Deserialize(document.RootElement).GetDouble("D"));
    }

    [Fact]
    public void Serialize_NonAsciiText_EscapesItSoTheJsonIsOneAsciiLine()
    {
        var json = TableEntityJson.Serialize(new TableEntity("p", "r") { ["S"] = "é😀\n'\"" });

        Assert.All(json, b => Assert.True(b is >= 0x20 and < 0x7f));
        using var document = JsonDocument.Parse(json);
        Assert.Equal("é😀\n'\"", TableEntityJson.Deserialize(document.RootElement).GetString("S"));
    }

    [Fact]
    public void Deserialize_UnannotatedNumbers_AreInt32WhenIntegralAndInRangeOtherwiseDouble()
    {
        var entity = Read("""{"Small":5,"Whole":5.0,"Big":3000000000,"Fraction":1.5,"Exp":1e3}""");

        Assert.IsType<int>(entity["Small"]);
        Assert.Equal(5.0, Assert.IsType<double>(entity["Whole"]));
        Assert.Equal(3e9, Assert.IsType<double>(entity["Big"]));
        Assert.Equal(1.5, Assert.IsType<double>(entity["Fraction"]));
        Assert.Equal(1000.0, Assert.IsType<double>(entity["Exp"]));
    }

    [Fact]
    public void Deserialize_Annotations_MapBackToClrTypes()
    {
        var entity = Read("""
            {"L@odata.type":"Edm.Int64","L":"-9223372036854775808","D@odata.type":"Edm.Double","D":"12.5",
            "T@odata.type":"Edm.DateTime","T":"1601-01-01T00:00:00.000Z","G@odata.type":"Edm.Guid","G":"6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            "X@odata.type":"Edm.Binary","X":"","I@odata.type":"Edm.Int32","I":"-4","S@odata.type":"Edm.String","S":"s",
            "B@odata.type":"Edm.Boolean","B":false}
            """);

        Assert.Equal(long.MinValue, entity.GetInt64("L"));
        Assert.Equal(12.5, entity.GetDouble("D"));
        Assert.Equal(new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.Zero), entity.GetDateTimeOffset("T"));
        Assert.Equal(SomeGuid, entity.GetGuid("G"));
        Assert.Empty(entity.GetBinary("X")!);
        Assert.Equal(-4, entity.GetInt32("I"));
        Assert.Equal("s", entity.GetString("S"));
        Assert.False(entity.GetBoolean("B"));
        Assert.Equal(8, entity.Count);
    }

    [Fact]
    public void Deserialize_SystemProperties_FillKeysTimestampAndETagAndSkipMetadata()
    {
        var entity = Read("""
            {"odata.metadata":"http://x/$metadata#t/@Element","odata.etag":"W/\"datetime'2024-01-02T03%3A04%3A05.1234567Z'\"",
            "PartitionKey":"p","RowKey":"r","Timestamp":"2024-01-02T03:04:05.1234567Z","Name":"n"}
            """);

        Assert.Equal(("p", "r"), (entity.PartitionKey, entity.RowKey));
        Assert.Equal(new ETag("W/\"datetime'2024-01-02T03%3A04%3A05.1234567Z'\""), entity.ETag);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567), entity.Timestamp);
        Assert.Equal(["Name"], entity.Keys);
    }

    [Fact]
    public void Deserialize_UnknownAnnotation_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => Read("""{"P@odata.type":"Edm.Decimal","P":"1.5"}"""));
    }

    private static TableEntity Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return TableEntityJson.Deserialize(document.RootElement);
    }
}
