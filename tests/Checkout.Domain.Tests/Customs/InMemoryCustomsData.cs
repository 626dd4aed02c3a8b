using System.Text;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Tests.Customs;

/// <summary>Customs reference files held in memory, keyed by path (e.g. <c>customs/xx.json</c>).</summary>
internal sealed class InMemoryCustomsData(IReadOnlyDictionary<string, string> files) : IReferenceDataSource
{
    public Stream Open(string path) =>
        files.TryGetValue(path, out var text)
            ? new MemoryStream(Encoding.UTF8.GetBytes(text))
            : throw new ReferenceDataException(path, "(file)", "no such file");

    public IReadOnlyList<string> List(string folder) =>
        files.Keys.Where(k => k.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
}
