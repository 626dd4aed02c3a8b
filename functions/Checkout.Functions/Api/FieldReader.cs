using System.Text.Json;

namespace Checkout.Functions.Api;

/// <summary>
/// Reads typed fields out of a JSON body, collecting one <see cref="ApiFieldError"/> per bad field (by JSON Pointer)
/// instead of stopping at the first, so a client sees everything wrong with its request at once. It remembers which
/// names were asked of each object it read from (the body itself included), so the fields nobody asked for are the
/// ones the endpoint does not know: <see cref="Problem"/> refuses those first, all named, as Stripe does.
/// </summary>
internal sealed class FieldReader
{
    public const string UnknownFieldDetail = "Unknown field; this endpoint does not accept it.";

    private readonly List<ApiFieldError> _errors = [];
    private readonly OrderedDictionary<string, ReadObject> _objects = new(StringComparer.Ordinal);

    /// <param name="body">The body's root object; its own fields are checked even when the endpoint reads none.</param>
    public FieldReader(JsonElement body)
    {
        if (body.ValueKind == JsonValueKind.Object)
        {
            Asked(body, "#");
        }
    }

    public IReadOnlyList<ApiFieldError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Fail(string pointer, string detail) => _errors.Add(new ApiFieldError(pointer, detail));

    /// <summary>What refuses the body: 400 naming every unknown field, else 422 naming every invalid one; null when
    /// neither. Unknown fields come first because a misspelt name would otherwise also read as a missing field.</summary>
    public ApiResponse? Problem()
    {
        var unknown = UnknownFields();
        if (unknown.Count > 0)
        {
            return ApiProblems.UnknownFields(unknown);
        }

        return HasErrors ? ApiProblems.Validation(_errors) : null;
    }

    /// <summary>Every field of an object read from that no read asked for, in the order of the body.</summary>
    public IReadOnlyList<ApiFieldError> UnknownFields() =>
        [.. _objects.SelectMany(o => o.Value.Element.EnumerateObject()
                .Select(p => p.Name)
                .Where(name => !o.Value.Names.Contains(name))
                .Distinct(StringComparer.Ordinal)
                .Select(name => new ApiFieldError(Path(o.Key, EscapePointer(name)), UnknownFieldDetail)))];

    public JsonElement? Object(JsonElement parent, string name, string at, bool required = true) =>
        Get(parent, name, at, required, JsonValueKind.Object, "an object");

    public JsonElement? Array(JsonElement parent, string name, string at) =>
        Get(parent, name, at, true, JsonValueKind.Array, "an array");

    /// <summary>An optional field of any kind, for a caller that checks the kind itself; null when absent or null.</summary>
    public JsonElement? Value(JsonElement parent, string name, string at)
    {
        Asked(parent, at, name);
        return parent.TryGetProperty(name, out var element) && element.ValueKind != JsonValueKind.Null ? element : null;
    }

    public string? String(JsonElement parent, string name, string at, int maxLength, bool required = true)
    {
        var element = Get(parent, name, at, required, JsonValueKind.String, "a string");
        if (element is null)
        {
            return null;
        }

        var value = element.Value.GetString()!;
        if (value.Trim().Length == 0 || value.Length > maxLength)
        {
            Fail(Path(at, name), $"Must be a non-blank string of at most {maxLength} characters.");
            return null;
        }

        return value;
    }

    public long? Integer(JsonElement parent, string name, string at, long min, long max)
    {
        var element = Get(parent, name, at, true, JsonValueKind.Number, "an integer");
        if (element is null)
        {
            return null;
        }

        if (!element.Value.TryGetInt64(out var value) || value < min || value > max)
        {
            Fail(Path(at, name), $"Must be an integer from {min} to {max}.");
            return null;
        }

        return value;
    }

    public decimal? Decimal(JsonElement parent, string name, string at, decimal min, decimal max)
    {
        var element = Get(parent, name, at, true, JsonValueKind.Number, "a number");
        if (element is null)
        {
            return null;
        }

        if (!element.Value.TryGetDecimal(out var value) || value < min || value > max)
        {
            Fail(Path(at, name), $"Must be a number from {min} to {max}.");
            return null;
        }

        return value;
    }

    public static string Path(string at, string name) => $"{at}/{name}";

    /// <summary>RFC 6901: a name holding <c>~</c> or <c>/</c> is escaped to stay one pointer segment.</summary>
    public static string EscapePointer(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private JsonElement? Get(JsonElement parent, string name, string at, bool required, JsonValueKind kind, string what)
    {
        var element = Value(parent, name, at);
        if (element is null)
        {
            if (required)
            {
                Fail(Path(at, name), "Is required.");
            }

            return null;
        }

        if (element.Value.ValueKind != kind)
        {
            Fail(Path(at, name), $"Must be {what}.");
            return null;
        }

        return element;
    }

    /// <summary>Notes that <paramref name="name"/> (if any) was asked of the object at <paramref name="at"/>.</summary>
    private void Asked(JsonElement parent, string at, string? name = null)
    {
        if (!_objects.TryGetValue(at, out var read))
        {
            read = new ReadObject(parent, new HashSet<string>(StringComparer.Ordinal));
            _objects.Add(at, read);
        }

        if (name is not null)
        {
            read.Names.Add(name);
        }
    }

    private sealed record ReadObject(JsonElement Element, HashSet<string> Names);
}
