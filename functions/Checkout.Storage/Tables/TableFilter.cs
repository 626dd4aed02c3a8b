using System.Globalization;

namespace Checkout.Storage.Tables;

/// <summary>
/// Builds <c>$filter</c> expressions from interpolated strings, like the Azure SDK's <c>TableClient.CreateQueryFilter</c>:
/// every interpolated value becomes a typed, escaped OData literal, so a value can never change the query's shape.
/// <code>TableFilter.Create($"PartitionKey eq {checkoutId} and Amount gt {100L}")</code>
/// </summary>
public static class TableFilter
{
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = new object[filter.ArgumentCount];
        for (var i = 0; i < literals.Length; i++)
        {
            literals[i] = ToLiteral(filter.GetArgument(i), i);
        }

        // The literals are already strings, so format specifiers in the template cannot reformat them.
        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    internal static string ToLiteral(object? value, int index) => value switch
    {
        string text => Quote(text),
        char character => Quote(character.ToString()),
        bool flag => flag ? "true" : "false",
        byte or sbyte or short or ushort or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        uint or long => Convert.ToString(value, CultureInfo.InvariantCulture) + "L",
        double number => DoubleLiteral(number, index),
        float number => DoubleLiteral(number, index),
        DateTimeOffset time => DateTimeLiteral(time, index),
        DateTime { Kind: DateTimeKind.Unspecified } => throw Unsupported(index, "a DateTime of unspecified kind (use DateTimeOffset or a UTC DateTime)"),
        DateTime time => DateTimeLiteral(new DateTimeOffset(time.ToUniversalTime()), index),
        Guid guid => $"guid'{guid:D}'",
        byte[] bytes => $"X'{Convert.ToHexStringLower(bytes)}'",
        null => throw Unsupported(index, "null (the Table service cannot compare with null)"),
        _ => throw Unsupported(index, $"type {value.GetType().Name}"),
    };

    /// <summary>OData's only escape inside a string literal is doubling the quote.</summary>
    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string DoubleLiteral(double number, int index)
    {
        if (!double.IsFinite(number))
        {
            throw Unsupported(index, "NaN or infinity");
        }

        // A bare "5" is an Int32 literal; keep a decimal point so the comparison stays Edm.Double.
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    private static string DateTimeLiteral(DateTimeOffset time, int index) => time < TableEntityLimits.MinDateTime
        ? throw Unsupported(index, "a date before 1601-01-01")
        : $"datetime'{TableEntityJson.FormatDateTime(time)}'";

    private static ArgumentException Unsupported(int index, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Filter argument {index} is {what}, which has no OData literal."));
}
