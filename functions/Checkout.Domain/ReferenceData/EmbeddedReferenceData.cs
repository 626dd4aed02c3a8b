namespace Checkout.Domain.ReferenceData;

/// <summary>The reference data files shipped in <c>functions/Checkout.Domain/ReferenceData</c>, embedded at build.</summary>
public sealed class EmbeddedReferenceData : IReferenceDataSource
{
    private const string Prefix = "Checkout.Domain.ReferenceData.";

    public static EmbeddedReferenceData Instance { get; } = new();

    public Stream Open(string path)
    {
        var name = Prefix + path.Replace('/', '.');
        return typeof(EmbeddedReferenceData).Assembly.GetManifestResourceStream(name)
            ?? throw new ReferenceDataException(path, "(file)", "no such embedded reference data file");
    }

    public IReadOnlyList<string> List(string folder)
    {
        var prefix = Prefix + folder.TrimEnd('/').Replace('/', '.') + ".";
        return typeof(EmbeddedReferenceData).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => folder.TrimEnd('/') + "/" + n[prefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
