namespace Checkout.Storage.Tables;

/// <summary>The service's table-name rule, checked locally so a bad name fails before any request.</summary>
internal static class TableNames
{
    public static void Validate(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        var valid = tableName.Length is >= 3 and <= 63
            && char.IsAsciiLetter(tableName[0])
            && tableName.All(char.IsAsciiLetterOrDigit)
            && !tableName.Equals("tables", StringComparison.OrdinalIgnoreCase);
        if (!valid)
        {
            throw new ArgumentException(
                $"'{tableName}' is not a table name: 3-63 ASCII letters and digits, starting with a letter, not 'tables'.", nameof(tableName));
        }
    }
}
