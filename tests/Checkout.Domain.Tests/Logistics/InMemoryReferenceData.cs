using System.Text;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Tests.Logistics;

/// <summary>Reference data files held in a dictionary (path → text), so a test can feed a loader exactly the file it
/// needs, malformed ones included.</summary>
internal sealed class InMemoryReferenceData(IReadOnlyDictionary<string, string> files) : IReferenceDataSource
{
    public Stream Open(string path) =>
        files.TryGetValue(path, out var text)
            ? new MemoryStream(Encoding.UTF8.GetBytes(text))
            : throw new ReferenceDataException(path, "(file)", "no such file");

    public IReadOnlyList<string> List(string folder) =>
        files.Keys.Where(k => k.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    /// <summary>The shipped dangerous-goods, postal-code and sanctions files plus the given carrier files (name → JSON),
    /// which replace the shipped carriers.</summary>
    public static InMemoryReferenceData WithCarriers(params (string Name, string Json)[] carriers)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["logistics/dangerous-goods.json"] = ReadEmbedded("logistics/dangerous-goods.json"),
            ["logistics/postal-codes.json"] = ReadEmbedded("logistics/postal-codes.json"),
        };
        foreach (var path in EmbeddedReferenceData.Instance.List("sanctions"))
        {
            files[path] = ReadEmbedded(path);
        }

        foreach (var (name, json) in carriers)
        {
            files[$"logistics/carriers/{name}"] = json;
        }

        return new InMemoryReferenceData(files);
    }

    public static string ReadEmbedded(string path)
    {
        using var reader = new StreamReader(EmbeddedReferenceData.Instance.Open(path));
        return reader.ReadToEnd();
    }
}
