using System.Globalization;
using System.Text.Json;

namespace Checkout.Storage.Tests.Interop;

/// <summary>
/// The property values exchanged with the JS SDK, and how each looks on the other side. Values the JS SDK writes
/// are ones JavaScript can hold: dates with millisecond precision (a JS Date), everything else exact.
/// </summary>
internal static class TableInteropValues
{
    public static readonly IReadOnlyDictionary<string, object> Ours = new Dictionary<string, object>
    {
        ["Text"] = "it's \"quoted\" ünïcødé 😀 <&>",
        ["Empty"] = string.Empty,
        ["Int32"] = int.MinValue,
        ["Int64Max"] = long.MaxValue,
        ["Int64Min"] = long.MinValue,
        ["DoubleFraction"] = 0.1,
        ["DoubleIntegral"] = 5.0,
        ["DoubleNaN"] = double.NaN,
        ["DoubleInfinity"] = double.PositiveInfinity,
        ["Flag"] = true,
        ["DateTicks"] = new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.Zero).AddTicks(1234567),
        ["DateMax"] = DateTimeOffset.MaxValue,
        ["DateMin"] = new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.Zero),
        ["Id"] = Guid.Parse("6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
        ["Bytes"] = new byte[] { 0, 1, 127, 128, 255 },
        ["BytesEmpty"] = Array.Empty<byte>(),
    };

    public static readonly IReadOnlyDictionary<string, object> Theirs = new Dictionary<string, object>
    {
        ["Text"] = "it's \"quoted\" ünïcødé 😀 <&>",
        ["Int32"] = 42,
        ["Int64"] = long.MinValue,
        ["DoubleFraction"] = 1.5,
        ["DoubleIntegral"] = 5.0,
        ["DoubleNaN"] = double.NaN,
        ["Flag"] = false,
        ["Date"] = new DateTimeOffset(2024, 2, 29, 23, 59, 59, 123, TimeSpan.Zero),
        ["Id"] = Guid.Parse("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
        ["Bytes"] = new byte[] { 255, 0, 10 },
    };

    /// <summary>The script's { type, value } form of each property.</summary>
    public static Dictionary<string, object> Wire(IReadOnlyDictionary<string, object> values) =>
        values.ToDictionary(pair => pair.Key, pair =>
        {
            var (type, value) = ToWire(pair.Value);
            return (object)new { type, value };
        });

    /// <summary>
    /// What the JS SDK must report for a value we wrote. Azurite returns doubles without their Edm.Double annotation
    /// (as the service does in minimal metadata), so JS infers Int32 for a whole-number double; non-finite doubles stay
    /// annotated because JSON cannot carry them as numbers.
    /// </summary>
    public static void AssertJavaScriptSees(string name, object value, JsonElement seen)
    {
        var type = seen.GetProperty("type").GetString();
        var text = seen.GetProperty("value").GetString()!;
        switch (value)
        {
            case double number when double.IsFinite(number):
                Assert.Equal(number == Math.Floor(number) ? "Int32" : "Double", type);
                Assert.Equal(number, double.Parse(text, CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset time:
                Assert.Equal("DateTime", type);
                Assert.Equal(time, DateTimeOffset.Parse(text, CultureInfo.InvariantCulture));
                break;
            default:
                var wire = ToWire(value);
                Assert.True(wire.type == type, $"{name}: JS sees type {type}, expected {wire.type}");
                Assert.Equal(wire.value, text);
                break;
        }
    }

    private static (string type, string value) ToWire(object value) => value switch
    {
        string text => ("String", text),
        int number => ("Int32", number.ToString(CultureInfo.InvariantCulture)),
        long number => ("Int64", number.ToString(CultureInfo.InvariantCulture)),
        double number when double.IsNaN(number) => ("Double", "NaN"),
        double number when double.IsInfinity(number) => ("Double", number > 0 ? "Infinity" : "-Infinity"),
        double number => ("Double", number.ToString("R", CultureInfo.InvariantCulture)),
        bool flag => ("Boolean", flag ? "true" : "false"),
        DateTimeOffset time => ("DateTime", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)),
        Guid guid => ("Guid", guid.ToString("D")),
        byte[] bytes => ("Binary", Convert.ToBase64String(bytes)),
        _ => throw new ArgumentException($"No wire form for {value.GetType().Name}.", nameof(value)),
    };
}
