using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Checkout.Functions.OpenApi;

/// <summary>
/// Puts the examples of <c>openapi/examples/</c> (embedded in this assembly) into the document: one file per operation,
/// named by its operationId, giving named request examples and named examples per response status; <c>_problems.json</c>
/// gives the problem examples every route shares (401, 413, 415, ...) where an operation gives none of its own.
/// The lint (redocly's no-invalid-media-type-examples) checks each example against its schema, and a test checks that
/// every request body and response has one, so an example cannot drift from the code unnoticed.
/// </summary>
internal sealed class ExamplesDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string ResourcePrefix = "Checkout.Functions.OpenApiExamples.";
    public const string SharedProblems = "_problems";

    private static readonly Lazy<IReadOnlyDictionary<string, JsonObject>> Files = new(Load);

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var shared = Files.Value.GetValueOrDefault(SharedProblems)?["responses"]?.AsObject();
        foreach (var operation in document.Paths?.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []) ?? [])
        {
            var file = operation.OperationId is { } id ? Files.Value.GetValueOrDefault(id) : null;
            if (operation.RequestBody?.Content is { } request && file?["request"] is JsonObject requestExamples)
            {
                AddExamples(request.Values, requestExamples);
            }

            foreach (var (status, response) in operation.Responses ?? new OpenApiResponses())
            {
                var examples = file?["responses"]?[status] as JsonObject ?? shared?[status] as JsonObject;
                if (examples is not null && response.Content is { } content)
                {
                    AddExamples(content.Values, examples);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static void AddExamples(IEnumerable<OpenApiMediaType> mediaTypes, JsonObject examples)
    {
        foreach (var mediaType in mediaTypes)
        {
            mediaType.Examples = examples.ToDictionary(
                e => e.Key,
                e => (IOpenApiExample)new OpenApiExample
                {
                    Summary = e.Value?["summary"]?.GetValue<string>(),
                    Value = e.Value?["value"]?.DeepClone(),
                },
                StringComparer.Ordinal);
        }
    }

    private static Dictionary<string, JsonObject> Load()
    {
        var assembly = typeof(ExamplesDocumentTransformer).Assembly;
        var files = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var operationId = name[ResourcePrefix.Length..^".json".Length];
            files[operationId] = JsonNode.Parse(stream)?.AsObject()
                ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Example file {name} is empty."));
        }

        return files;
    }
}
