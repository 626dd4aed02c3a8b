using System.Text.Json;
using System.Text.RegularExpressions;

namespace Checkout.Functions.Tests.Infra;

/// <summary>
/// Static checks of an ARM deployment template, standing in for a compiler we cannot install here (no Bicep CLI in
/// the package registry copy; bicep-node downloads its binary at run time): the document shape, documented
/// parameters, balanced template expressions that call only known functions, references to declared parameters and
/// variables, API versions, and dependsOn targets that the template itself declares.
/// </summary>
internal static partial class ArmTemplateChecker
{
    public const string Schema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

    private static readonly HashSet<string> KnownFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "concat", "copyIndex", "environment", "equals", "format", "guid", "if", "length", "listKeys", "parameters", "reference",
        "replace", "resourceGroup", "resourceId", "subscription", "subscriptionResourceId", "take", "toLower", "uniqueString", "variables",
    };

    public static List<string> Check(JsonElement template)
    {
        var problems = new List<string>();
        Require(problems, template.TryGetProperty("$schema", out var schema) && schema.GetString() == Schema, $"$schema must be {Schema}");
        Require(problems, template.TryGetProperty("contentVersion", out var version) && ContentVersion().IsMatch(version.GetString() ?? string.Empty), "contentVersion must look like 1.0.0.0");
        var parameters = template.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        var variables = template.GetProperty("variables").EnumerateObject().Select(v => v.Name).ToHashSet();
        CheckParameters(parameters, problems);

        var expressions = Strings(template).Where(s => s.StartsWith('[') && !s.StartsWith("[[", StringComparison.Ordinal)).ToList();
        foreach (var expression in expressions)
        {
            CheckExpression(expression, parameters.Keys.ToHashSet(), variables, problems);
        }

        foreach (var unused in parameters.Keys.Where(p => !expressions.Any(e => e.Contains($"parameters('{p}')", StringComparison.Ordinal))))
        {
            problems.Add($"parameter '{unused}' is never used");
        }

        CheckResources(template.GetProperty("resources"), problems);
        return problems;
    }

    private static void CheckParameters(Dictionary<string, JsonElement> parameters, List<string> problems)
    {
        foreach (var (name, parameter) in parameters)
        {
            var type = parameter.GetProperty("type").GetString();
            Require(problems, type is "string" or "int" or "bool" or "object" or "array" or "securestring" or "secureObject", $"parameter '{name}' has unknown type {type}");
            Require(problems, parameter.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("description", out var d) && d.GetString()!.Length > 10, $"parameter '{name}' needs metadata.description");
            if (parameter.TryGetProperty("defaultValue", out var value) && parameter.TryGetProperty("allowedValues", out var allowed))
            {
                Require(problems, allowed.EnumerateArray().Any(a => a.GetRawText() == value.GetRawText()), $"parameter '{name}' default is not among its allowedValues");
            }

            if (type == "int" && parameter.TryGetProperty("defaultValue", out value))
            {
                Require(problems, value.ValueKind == JsonValueKind.Number, $"parameter '{name}' is an int with a non-number default");
                var min = parameter.TryGetProperty("minValue", out var m) ? m.GetInt32() : int.MinValue;
                var max = parameter.TryGetProperty("maxValue", out var x) ? x.GetInt32() : int.MaxValue;
                Require(problems, value.ValueKind != JsonValueKind.Number || (value.GetInt32() >= min && value.GetInt32() <= max), $"parameter '{name}' default is outside minValue..maxValue");
            }
        }
    }

    private static void CheckExpression(string expression, HashSet<string> parameters, HashSet<string> variables, List<string> problems)
    {
        if (!expression.EndsWith(']') || !Balanced(expression[1..^1]))
        {
            problems.Add($"unbalanced expression: {expression}");
            return;
        }

        var outsideQuotes = Regex.Replace(expression, "'[^']*'", "''");
        foreach (var call in FunctionCall().Matches(outsideQuotes).Select(m => m.Groups[1].Value).Where(f => !KnownFunctions.Contains(f)))
        {
            problems.Add($"unknown template function {call} in {expression}");
        }

        foreach (Match reference in Reference().Matches(expression))
        {
            var declared = reference.Groups[1].Value == "parameters" ? parameters : variables;
            Require(problems, declared.Contains(reference.Groups[2].Value), $"{reference.Value} is not declared");
        }
    }

    private static void CheckResources(JsonElement resources, List<string> problems)
    {
        var types = resources.EnumerateArray().Select(r => r.GetProperty("type").GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in resources.EnumerateArray())
        {
            var type = resource.GetProperty("type").GetString()!;
            Require(problems, ResourceType().IsMatch(type), $"resource type '{type}' is not Namespace/type");
            Require(problems, ApiVersion().IsMatch(resource.GetProperty("apiVersion").GetString() ?? string.Empty), $"{type}: apiVersion must be yyyy-MM-dd[-preview]");
            Require(problems, resource.TryGetProperty("name", out _), $"{type}: name is missing");
            var dependsOn = resource.TryGetProperty("dependsOn", out var d) ? d.EnumerateArray().Select(x => x.GetString()!) : [];
            foreach (var target in dependsOn.Select(x => DependsOnType().Match(x)))
            {
                Require(problems, target.Success && types.Contains(target.Groups[1].Value), $"{type}: dependsOn {target.Value} names no resource of this template");
            }
        }
    }

    private static bool Balanced(string expression)
    {
        var depth = 0;
        var quoted = false;
        foreach (var c in expression)
        {
            quoted ^= c == '\'';
            depth += quoted ? 0 : c switch { '(' or '[' => 1, ')' or ']' => -1, _ => 0 };
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0 && !quoted;
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static void Require(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+\.\d+$")]
    private static partial Regex ContentVersion();

    [GeneratedRegex(@"([A-Za-z]+)\s*\(")]
    private static partial Regex FunctionCall();

    [GeneratedRegex(@"\b(parameters|variables)\('([^']+)'\)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^Microsoft\.[A-Za-z]+(/[A-Za-z]+)+$")]
    private static partial Regex ResourceType();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(-preview)?$")]
    private static partial Regex ApiVersion();

    [GeneratedRegex(@"^\[resourceId\('([^']+)'")]
    private static partial Regex DependsOnType();
}
