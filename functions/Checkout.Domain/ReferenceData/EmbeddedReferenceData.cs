using System.Collections.Frozen;

namespace Checkout.Domain.ReferenceData;

/// <summary>The reference data files shipped in <c>functions/Checkout.Domain/ReferenceData</c>, embedded at build.</summary>
public sealed class EmbeddedReferenceData : IReferenceDataSource
{
    private const string Prefix = "Checkout.Domain.ReferenceData.";

    /// <summary>Resource name by path relative to the reference-data root. The csproj names resources after
    /// <c>%(RecursiveDir)</c>, which keeps the build machine's directory separator ('/' on Linux, '\' on Windows),
    /// so paths are normalised to '/' here rather than guessed at lookup.</summary>
    private static readonly FrozenDictionary<string, string> ResourceByPath = typeof(EmbeddedReferenceData).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .ToFrozenDictionary(n => n[Prefix.Length..].Replace('\\', '/'), StringComparer.Ordinal);

    public static EmbeddedReferenceData Instance { get; } = new();

    public Stream Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ResourceByPath.TryGetValue(path.Replace('\\', '/'), out var name)
            ? typeof(EmbeddedReferenceData).Assembly.GetManifestResourceStream(name)!
            : throw new ReferenceDataException(path, "(file)", "no such embedded reference data file");
    }

    /// <summary>Every file under the folder, subfolders included.</summary>
    public IReadOnlyList<string> List(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var prefix = folder.Replace('\\', '/').TrimEnd('/') + "/";
        return ResourceByPath.Keys
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
