using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Checkout.Functions.Tests.Packaging;

/// <summary>The zip-deploy package is an isolated-worker app: what the Functions host reads at its root, nothing of a custom handler.</summary>
public sealed class PackageLayoutTests(FunctionAppPackage package) : IClassFixture<FunctionAppPackage>
{
    [Fact]
    public void Package_Root_HoldsWhatTheFunctionsHostReadsForAnIsolatedWorker()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("host.json", names);
        Assert.Contains("functions.metadata", names);
        Assert.Contains("extensions.json", names);
        Assert.Contains("Checkout.Functions.dll", names);
        Assert.Contains(names, n => n.StartsWith(".azurefunctions/", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.EndsWith("/function.json", StringComparison.Ordinal));

        using var worker = JsonDocument.Parse(Read(zip.GetEntry("worker.config.json")!));
        var description = worker.RootElement.GetProperty("description");
        Assert.Equal("dotnet", description.GetProperty("defaultExecutablePath").GetString());
        Assert.Equal("Checkout.Functions.dll", description.GetProperty("defaultWorkerPath").GetString());

        using var hostJson = JsonDocument.Parse(Read(zip.GetEntry("host.json")!));
        Assert.False(hostJson.RootElement.TryGetProperty("customHandler", out _));
    }

    [Fact]
    public void Package_FunctionsMetadata_IsTheBuildsListingEveryFunction()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var packaged = JsonNode.Parse(Read(zip.GetEntry("functions.metadata")!))!.AsArray();
        var built = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!.AsArray();

        Assert.Equal(built.Select(f => f!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal), packaged.Select(f => f!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.True(JsonNode.DeepEquals(built, packaged), "the published functions.metadata differs from the build's");
    }

    private static string Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
