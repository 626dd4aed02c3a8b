using System.Text.Json;
using System.Text.Json.Nodes;

namespace Checkout.Functions.Hosting.Metadata;

/// <summary>
/// Generates the function.json files the Azure Functions host reads: one folder per function, named after it, in
/// the app root next to host.json. HTTP functions get an anonymous httpTrigger (the app checks merchant API keys
/// itself) and an http output, which with <c>enableForwardingHttpRequest</c> makes the host forward the original
/// request; queue functions get a queueTrigger whose value arrives as <c>Data.message</c>.
/// </summary>
public static class FunctionJsonWriter
{
    /// <summary>The queue trigger's binding name: the key of the message in the host's <c>Data</c> object.</summary>
    public const string QueueBindingName = "message";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes <c>{directory}/{Name}/function.json</c> for every function; returns the folders written.</summary>
    public static IReadOnlyList<string> WriteAll(FunctionCatalog catalog, string directory)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        catalog.EnsureValid();
        var folders = new List<string>();
        foreach (var function in catalog.Functions)
        {
            var folder = Path.Combine(directory, function.Name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "function.json"), ToFunctionJson(function).ToJsonString(Indented) + "\n");
            folders.Add(folder);
        }

        return folders;
    }

    public static JsonObject ToFunctionJson(FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var bindings = function.Trigger == FunctionTrigger.Http ? HttpBindings(function) : QueueBindings(function);
        return new JsonObject { ["bindings"] = bindings };
    }

    private static JsonArray HttpBindings(FunctionDefinition function) =>
    [
        new JsonObject
        {
            ["type"] = "httpTrigger",
            ["direction"] = "in",
            ["name"] = "req",
            ["authLevel"] = "anonymous",
            ["methods"] = new JsonArray([.. function.Methods.Select(m => JsonValue.Create(m.ToLowerInvariant()))]),
            ["route"] = function.Route,
        },
        new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" },
    ];

    private static JsonArray QueueBindings(FunctionDefinition function) =>
    [
        new JsonObject
        {
            ["type"] = "queueTrigger",
            ["direction"] = "in",
            ["name"] = QueueBindingName,
            ["queueName"] = function.QueueName,
            ["connection"] = function.Connection,
        },
    ];
}
