namespace Checkout.Storage.Queues;

/// <summary>Queue naming rules: 3-63 characters, lower-case letters, digits and single hyphens, alphanumeric at both ends.</summary>
internal static class QueueName
{
    public const int MinLength = 3;
    public const int MaxLength = 63;

    public static bool IsValid(string? name) =>
        name is { Length: >= MinLength and <= MaxLength }
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && name[0] != '-' && name[^1] != '-'
        && !name.Contains("--", StringComparison.Ordinal);

    public static string Validate(string name, string paramName) =>
        IsValid(name)
            ? name
            : throw new ArgumentException(
                $"'{name}' is not a valid queue name: use 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.",
                paramName);
}
