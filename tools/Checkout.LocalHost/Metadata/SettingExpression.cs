using System.Text.RegularExpressions;

namespace Checkout.LocalHost.Metadata;

/// <summary>Resolves <c>%setting%</c> in a binding's value from configuration, as the Functions host's name resolver does.</summary>
public static partial class SettingExpression
{
    /// <exception cref="InvalidOperationException">A named setting has no value.</exception>
    public static string Resolve(string value, IConfiguration configuration) =>
        Setting().Replace(value, match => configuration[match.Groups[1].Value] is { Length: > 0 } resolved
            ? resolved
            : throw new InvalidOperationException($"'{match.Value}' does not resolve to a value: set {match.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal)}."));

    [GeneratedRegex("%([^%]+)%", RegexOptions.CultureInvariant)]
    private static partial Regex Setting();
}
