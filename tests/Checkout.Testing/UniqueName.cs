using System.Threading;

namespace Checkout.Testing;

/// <summary>Names unique per test run and per call, valid for both queues (lower-case, hyphens) and tables (alphanumeric).</summary>
public static class UniqueName
{
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..6];
    private static int counter;

    /// <summary>A queue name: 3-63 chars of lower-case letters, digits and single hyphens.</summary>
    public static string Queue(string prefix) => $"{Sanitize(prefix)}-{RunId}-{Interlocked.Increment(ref counter)}";

    /// <summary>A table name: 3-63 alphanumeric chars starting with a letter.</summary>
    public static string Table(string prefix) => $"{Sanitize(prefix).Replace("-", string.Empty, StringComparison.Ordinal)}{RunId}n{Interlocked.Increment(ref counter)}";

    private static string Sanitize(string prefix)
    {
        var letters = new string(prefix.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray()).Trim('-');
        return letters.Length == 0 || !char.IsAsciiLetter(letters[0]) ? "t" + letters : letters[..Math.Min(letters.Length, 30)];
    }
}
