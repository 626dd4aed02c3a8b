using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Checkout.Functions.Hosting.Metadata;

namespace Checkout.Functions.Tests.Packaging;

/// <summary>The zip-deploy package holds what the Functions host needs, laid out as the function metadata says.</summary>
public sealed class PackageLayoutTests(FunctionAppPackage package) : IClassFixture<FunctionAppPackage>
{
    private const int UnixExecuteBits = 0b001_001_001;

    [Fact]
    public async Task Package_FunctionFolders_MatchTheDeclaredFunctionsBindingForBinding()
    {
        await using var app = CheckoutFunctionsApp.Build([]);
        var declared = app.ReadFunctionCatalog().EnsureValid().Functions;
        using var zip = ZipFile.OpenRead(package.ZipPath);

        var folders = zip.Entries.Where(e => e.FullName.EndsWith("/function.json", StringComparison.Ordinal)).ToDictionary(e => e.FullName.Split('/')[0]);

        Assert.Equal(declared.Select(f => f.Name).Order(StringComparer.Ordinal), folders.Keys.Order(StringComparer.Ordinal));
        Assert.All(folders.Values, e => Assert.Equal(2, e.FullName.Split('/').Length));
        foreach (var function in declared)
        {
            var packaged = JsonNode.Parse(Read(folders[function.Name]));
            Assert.True(JsonNode.DeepEquals(FunctionJsonWriter.ToFunctionJson(function), packaged), $"{function.Name}/function.json differs from its declaration: {packaged}");
        }
    }

    [Fact]
    public void Package_HostJsonAtRoot_StartsTheSelfContainedExecutable()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        using var hostJson = JsonDocument.Parse(Read(zip.GetEntry("host.json")!));
        var description = hostJson.RootElement.GetProperty("customHandler").GetProperty("description");
        var workingDirectory = description.GetProperty("workingDirectory").GetString()!;

        var executable = zip.GetEntry(description.GetProperty("defaultExecutablePath").GetString()!);

        Assert.NotNull(executable);
        Assert.NotEqual(0, (executable.ExternalAttributes >> 16) & UnixExecuteBits);
        Assert.StartsWith(workingDirectory + "/", executable.FullName, StringComparison.Ordinal);

        // Self-contained: the runtime travels with the app, so the plan's installed runtime does not matter.
        Assert.NotNull(zip.GetEntry(workingDirectory + "/libcoreclr.so"));
        Assert.NotNull(zip.GetEntry(workingDirectory + "/host.json"));
        using var runtimeConfig = JsonDocument.Parse(Read(zip.GetEntry(workingDirectory + "/Checkout.Functions.runtimeconfig.json")!));
        Assert.True(runtimeConfig.RootElement.GetProperty("runtimeOptions").TryGetProperty("includedFrameworks", out _));
    }

    [Fact]
    public void Package_TopLevel_HoldsOnlyHostJsonTheAppAndFunctionFolders()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var topLevel = zip.Entries.Select(e => e.FullName.Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        var functionFolders = zip.Entries.Where(e => e.FullName.EndsWith("/function.json", StringComparison.Ordinal)).Select(e => e.FullName.Split('/')[0]);

        topLevel.ExceptWith(functionFolders);

        Assert.Equal(["app", "host.json"], topLevel.Order(StringComparer.Ordinal));
    }

    private static string Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
