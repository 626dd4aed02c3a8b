using System.Net;
using System.Text.Json;
using Checkout.Functions.Tests.Api;
using Checkout.Testing;

namespace Checkout.Functions.Tests.OpenApi;

/// <summary>The OpenAPI document: generated from the code, checked in, served without a key, and linted clean.</summary>
public sealed class OpenApiDocumentTests(ApiApp app) : IClassFixture<ApiApp>
{
    private const string Regenerate = "Regenerate it with: scripts/openapi.sh";

    private static string CheckedInPath => Path.Combine(RepositoryPaths.Root, "openapi", "checkout.openapi.json");

    [Fact]
    public async Task CheckedInDocument_IsWhatTheCodeGenerates()
    {
        var generated = await ToolProcess.RunLocalHostAsync(["openapi"]);
        Assert.True(generated.ExitCode == 0, $"openapi verb failed: {generated.Error}");

        var checkedIn = File.Exists(CheckedInPath) ? await File.ReadAllTextAsync(CheckedInPath) : "(missing)";
        Assert.True(
            generated.Output == checkedIn,
            $"openapi/checkout.openapi.json is not what the code generates (an endpoint or contract changed). {Regenerate}");
    }

    [Fact]
    public async Task Served_WithoutApiKey_IsTheCheckedInDocument()
    {
        using var response = await app.SendAsync(HttpMethod.Get, "/api/openapi.json", key: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(await response.Content.ReadAsStringAsync() == await File.ReadAllTextAsync(CheckedInPath), $"The served document differs from the checked-in one. {Regenerate}");
    }

    [Fact]
    public async Task CheckedInDocument_LintsWithoutErrorsOrWarnings()
    {
        var redocly = Path.Combine(RepositoryPaths.NodeModules, ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"{redocly} is missing: run 'npm ci' in the repository root.");

        // Rules: redocly.yaml; reasoned exceptions: .redocly.lint-ignore.yaml. JSON output, so warnings count too.
        var lint = await ToolProcess.RunAsync(redocly, ["lint", "openapi/checkout.openapi.json", "--format", "json"], RepositoryPaths.Root);

        using var report = JsonDocument.Parse(lint.Output);
        var problems = report.RootElement.GetProperty("problems").EnumerateArray()
            .Where(p => p.GetProperty("severity").GetString() != "off")
            .Select(p => $"{p.GetProperty("ruleId").GetString()} at {p.GetProperty("location")[0].GetProperty("pointer").GetString()}: {p.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(lint.ExitCode == 0 && problems.Count == 0, "redocly lint: " + string.Join("\n", problems) + lint.Error);
        Assert.Equal(0, report.RootElement.GetProperty("totals").GetProperty("warnings").GetInt32());
    }

    [Fact]
    public async Task Document_DescribesEveryMerchantOperationWithKeysAndProblems()
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(CheckedInPath));
        var paths = document.RootElement.GetProperty("paths");
        var operations = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .ToList();

        Assert.Contains(operations, o => o.Path == "/api/checkouts" && o.Method == "post");
        Assert.Contains(operations, o => o.Path == "/api/estimates" && o.Method == "post");
        foreach (var (path, method, operation) in operations.Where(o => o.Path.StartsWith("/api/checkouts", StringComparison.Ordinal)))
        {
            Assert.True(operation.GetProperty("security").GetArrayLength() > 0, $"{method} {path} lists no API-key scheme");
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("401", out var unauthorized), $"{method} {path} documents no 401");
            Assert.True(unauthorized.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{method} {path}: 401 is not problem+json");
        }
    }

    /// <summary>Every request body and every response with a body shows an example (openapi/examples/); the lint checks
    /// each against its schema. The document itself is the one answer without one.</summary>
    [Fact]
    public async Task Document_GivesAnExampleForEveryRequestBodyAndResponse()
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(CheckedInPath));
        var missing = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Value.GetProperty("operationId").GetString() != "GetOpenApiDocument"))
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                if (operation.Value.TryGetProperty("requestBody", out var request) && !HasExamples(request))
                {
                    missing.Add($"{name} request");
                }

                missing.AddRange(operation.Value.GetProperty("responses").EnumerateObject()
                    .Where(r => r.Value.TryGetProperty("content", out _) && !HasExamples(r.Value))
                    .Select(r => $"{name} {r.Name}"));
            }
        }

        Assert.True(missing.Count == 0, "No example (add it to openapi/examples/{operationId}.json): " + string.Join(", ", missing));
    }

    /// <summary>An example file names an operation and statuses the document has, so none is silently left unused.</summary>
    [Fact]
    public async Task ExampleFiles_NameOperationsAndStatusesTheDocumentHas()
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(CheckedInPath));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject())
            .ToDictionary(o => o.Value.GetProperty("operationId").GetString()!, o => o.Value);
        var stale = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "openapi", "examples"), "*.json"))
        {
            var operationId = Path.GetFileNameWithoutExtension(file);
            using var examples = JsonDocument.Parse(await File.ReadAllTextAsync(file));
            if (operationId == "_problems")
            {
                continue;
            }

            if (!operations.TryGetValue(operationId, out var operation))
            {
                stale.Add($"{operationId}: no such operation");
                continue;
            }

            if (examples.RootElement.TryGetProperty("request", out _) && !operation.TryGetProperty("requestBody", out _))
            {
                stale.Add($"{operationId}: request examples but no request body");
            }

            var responses = operation.GetProperty("responses");
            stale.AddRange(examples.RootElement.TryGetProperty("responses", out var given)
                ? given.EnumerateObject().Where(s => !responses.TryGetProperty(s.Name, out _)).Select(s => $"{operationId}: no {s.Name} response")
                : []);
        }

        Assert.True(stale.Count == 0, string.Join("\n", stale));
    }

    private static bool HasExamples(JsonElement withContent) =>
        withContent.GetProperty("content").EnumerateObject().All(m => m.Value.TryGetProperty("examples", out var e) && e.EnumerateObject().Any());
}
