using Checkout.Storage.Tables;
using Checkout.Testing;

namespace Checkout.Storage.Tests.Tables;

/// <summary>Every Edm type, with its edge values, written to Azurite and read back with the same CLR type and value.</summary>
public sealed class TablePropertyTypesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly TableServiceClient _service = new(azurite.ConnectionString);

    public void Dispose() => _service.Dispose();

    public static TheoryData<string, object> EdgeValues() => new()
    {
        { "StringEmpty", string.Empty },
        { "StringQuotes", "it's \"quoted\" '' \\ / <xml/> & {json}" },
        { "StringUnicode", "ünïcødé €😀 中文 \u0000\u001f" },
        { "StringMax", new string('x', 32 * 1024) },
        { "Int32Min", int.MinValue },
        { "Int32Max", int.MaxValue },
        { "Int64Max", long.MaxValue },
        { "Int64Min", long.MinValue },
        { "Int64Small", 1L },
        { "DoubleIntegral", 5.0 },
        { "DoubleZero", 0.0 },
        { "DoubleFraction", 0.1 },
        { "DoubleMax", double.MaxValue },
        { "DoubleTiny", double.Epsilon },
        { "DoubleNegative", -123456.789e-10 },
        { "DoubleNaN", double.NaN },
        { "DoublePositiveInfinity", double.PositiveInfinity },
        { "DoubleNegativeInfinity", double.NegativeInfinity },
        { "BoolTrue", true },
        { "BoolFalse", false },
        { "DateMin", new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.Zero) },
        { "DateMax", DateTimeOffset.MaxValue },
        { "DateTicks", new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.Zero).AddTicks(1234567) },
        { "GuidEmpty", Guid.Empty },
        { "GuidValue", Guid.Parse("6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d") },
        { "BinaryEmpty", Array.Empty<byte>() },
        { "BinaryAllBytes", Enumerable.Range(0, 256).Select(i => (byte)i).ToArray() },
        { "BinaryMax", Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 7 % 256)).ToArray() },
    };

    [Theory]
    [MemberData(nameof(EdgeValues))]
    public async Task Property_EdgeValue_RoundTripsWithItsType(string name, object value)
    {
        var table = await _service.CreateTableAsync("types");

        await table.AddEntityAsync(new TableEntity("p", "r") { [name] = value });
        var read = await table.GetEntityAsync("p", "r");

        Assert.IsType(value.GetType(), read[name]);
        Assert.Equal(value, read[name]);
    }

    [Fact]
    public async Task Property_EveryTypeInOneEntity_RoundTripsThroughQueryToo()
    {
        var table = await _service.CreateTableAsync("alltypes");
        var entity = new TableEntity("p", "r");
        foreach (var row in EdgeValues())
        {
            entity[(string)row[0]] = row[1];
        }

        await table.AddEntityAsync(entity);
        var read = Assert.Single(await table.QueryAsync().ToListAsync());

        Assert.Equal(entity.Keys.Order(StringComparer.Ordinal), read.Keys.Order(StringComparer.Ordinal));
        Assert.All(entity.Keys, key => Assert.Equal(entity[key], read[key]));
        Assert.All(entity.Keys, key => Assert.IsType(entity[key]!.GetType(), read[key]));
    }

    [Fact]
    public async Task Entity_JustUnderTheOneMiBLimit_RoundTrips()
    {
        var table = await _service.CreateTableAsync("big");
        var entity = new TableEntity(new string('p', 512), new string('r', 512));
        for (var i = 0; i < 15; i++)
        {
            entity[$"S{i:D2}"] = new string((char)('a' + i), 32 * 1024);
        }

        await table.AddEntityAsync(entity);
        var read = await table.GetEntityAsync(entity.PartitionKey, entity.RowKey);

        Assert.InRange(TableEntityLimits.ServiceSize(entity), 950_000, TableEntityLimits.MaxEntitySize);
        Assert.All(entity.Keys, key => Assert.Equal(entity[key], read[key]));
    }
}
