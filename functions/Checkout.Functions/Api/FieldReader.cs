using System.Text.Json;

namespace Checkout.Functions.Api;

/// <summary>Reads typed fields out of a JSON object, collecting one <see cref="ApiFieldError"/> per bad field (by JSON
/// Pointer) instead of stopping at the first, so a client sees everything wrong with its request at once.</summary>
internal sealed class FieldReader
{
    private readonly List<ApiFieldError> _errors = [];

    public IReadOnlyList<ApiFieldError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Fail(string pointer, string detail) => _errors.Add(new ApiFieldError(pointer, detail));

    public JsonElement? Object(JsonElement parent, string name, string at, bool required = true) =>
        Get(parent, name, at, required, JsonValueKind.Object, "an object");

    public JsonElement? Array(JsonElement parent, string name, string at) =>
        Get(parent, name, at, true, JsonValueKind.Array, "an array");

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

    private JsonElement? Get(JsonElement parent, string name, string at, bool required, JsonValueKind kind, string what)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Fail(Path(at, name), "Is required.");
            }

            return null;
        }

        if (element.ValueKind != kind)
        {
            Fail(Path(at, name), $"Must be {what}.");
            return null;
        }

        return element;
    }
}
