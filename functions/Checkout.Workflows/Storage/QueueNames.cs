using System.Text.RegularExpressions;

namespace Checkout.Workflows.Storage;

/// <summary>The Queue service's naming rule, checked before a name is used, since the SDK leaves it to the service.</summary>
public static partial class QueueNames
{
    /// <summary>3-63 characters: lower-case letters, digits and single hyphens, a letter or digit at both ends.</summary>
    public static bool IsValid(string? queueName) =>
        queueName is { Length: >= 3 and <= 63 } && ValidName().IsMatch(queueName) && !queueName.Contains("--", StringComparison.Ordinal);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();
}
