using System.Globalization;
using System.Text.Json;

namespace Checkout.Functions.Tests.FunctionMetadata;

/// <summary>
/// Reads generated function.json folders the way the Functions host does, independently of the generator's model:
/// one line per trigger binding, in the same shape as <c>FunctionDefinition.Describe()</c> so sets compare directly.
/// </summary>
internal static class GeneratedFunctionJson
{
    public static IReadOnlyList<string> Describe(string root) =>
        [.. Directory.GetDirectories(root)
            .Where(folder => File.Exists(Path.Combine(folder, "function.json")))
            .Select(folder => DescribeFolder(Path.GetFileName(folder), Path.Combine(folder, "function.json")))
            .Order(StringComparer.Ordinal)];

    public static string DescribeFolder(string name, string functionJsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(functionJsonPath));
        var bindings = document.RootElement.GetProperty("bindings").EnumerateArray().ToArray();
        var trigger = Assert.Single(bindings, b => b.GetProperty("direction").GetString() == "in");
        return trigger.GetProperty("type").GetString() switch
        {
            "httpTrigger" => DescribeHttp(name, trigger, bindings),
            "queueTrigger" => string.Create(CultureInfo.InvariantCulture, $"{name}: queue {trigger.GetProperty("queueName").GetString()} via {trigger.GetProperty("connection").GetString()}"),
            var other => throw new InvalidOperationException($"{name}: unexpected trigger type {other}"),
        };
    }

    private static string DescribeHttp(string name, JsonElement trigger, JsonElement[] bindings)
    {
        // Forwarding only applies to functions whose sole output is the http binding.
        var output = Assert.Single(bindings, b => b.GetProperty("direction").GetString() == "out");
        Assert.Equal("http", output.GetProperty("type").GetString());
        var methods = trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order(StringComparer.Ordinal);
        return $"{name}: http {string.Join(',', methods)} /api/{trigger.GetProperty("route").GetString()}";
    }
}
