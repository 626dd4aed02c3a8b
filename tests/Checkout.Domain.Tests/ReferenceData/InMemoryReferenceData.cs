using System.Text;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Tests.ReferenceData;

/// <summary>Reference data files held in memory: the shipped files with some replaced, to test one broken file at a time.</summary>
public sealed class InMemoryReferenceData : IReferenceDataSource
{
    private readonly Dictionary<string, string> files = new(StringComparer.Ordinal);

    public static InMemoryReferenceData Shipped(params string[] paths)
    {
        var data = new InMemoryReferenceData();
        foreach (var path in paths)
        {
            using var reader = new StreamReader(EmbeddedReferenceData.Instance.Open(path), Encoding.UTF8);
            data.files[path] = reader.ReadToEnd();
        }

        return data;
    }

    public InMemoryReferenceData With(string path, string content)
    {
        files[path] = content;
        return this;
    }

    public string Text(string path) => files[path];

    public Stream Open(string path) =>
        files.TryGetValue(path, out var content)
            ? new MemoryStream(Encoding.UTF8.GetBytes(content))
            : throw new ReferenceDataException(path, "(file)", "no such file");

    public IReadOnlyList<string> List(string folder) =>
        files.Keys.Where(k => k.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
}
