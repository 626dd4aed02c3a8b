using System.Globalization;
using System.Text;

namespace Checkout.Storage.Tables;

/// <summary>Request URIs of the Table REST API, with keys and query values escaped the way the service expects.</summary>
internal static class TableUris
{
    public static Uri Tables(Uri endpoint) => Combine(endpoint, "Tables");

    public static Uri Table(Uri endpoint, string tableName) => Combine(endpoint, $"Tables('{tableName}')");

    public static Uri Insert(Uri endpoint, string tableName) => Combine(endpoint, tableName);

    public static Uri Batch(Uri endpoint) => Combine(endpoint, "$batch");

    public static Uri Entity(Uri endpoint, string tableName, string partitionKey, string rowKey, IEnumerable<string>? select = null)
    {
        var path = $"{tableName}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";
        var query = new QueryBuilder();
        query.Add("$select", SelectList(select));
        return Combine(endpoint, path + query);
    }

    public static Uri Query(Uri endpoint, string tableName, TableQuery query, string? nextPartitionKey, string? nextRowKey)
    {
        var parameters = new QueryBuilder();
        parameters.Add("$filter", query.Filter);
        parameters.Add("$select", SelectList(query.Select));
        parameters.Add("$top", query.MaxPerPage?.ToString(CultureInfo.InvariantCulture));
        parameters.Add("NextPartitionKey", nextPartitionKey);
        parameters.Add("NextRowKey", nextRowKey);
        return Combine(endpoint, tableName + "()" + parameters);
    }

    /// <summary>A key inside the quoted key predicate: double the quotes (OData), then percent-encode (URL).</summary>
    public static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    /// <summary>
    /// The keys are always selected: an entity without them could not be written back, and the service returns them
    /// only when asked once $select is present.
    /// </summary>
    private static string? SelectList(IEnumerable<string>? select)
    {
        if (select is null)
        {
            return null;
        }

        var names = new List<string> { TableSystemProperties.PartitionKey, TableSystemProperties.RowKey };
        foreach (var name in select)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Contains(',', StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{name}' is not a property name.", nameof(select));
            }

            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return string.Join(',', names);
    }

    private static Uri Combine(Uri endpoint, string relative) =>
        new(endpoint.AbsoluteUri.TrimEnd('/') + "/" + relative);

    private sealed class QueryBuilder
    {
        private readonly StringBuilder _text = new();

        public void Add(string name, string? value)
        {
            if (value is not null)
            {
                _text.Append(_text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        public override string ToString() => _text.ToString();
    }
}
