using System.Text.Json;
using System.Text.Json.Nodes;
using Checkout.Testing;

namespace Checkout.Functions.Tests.Infra;

/// <summary>The template checker catches the mistakes it exists for (so a clean result means something).</summary>
public sealed class ArmTemplateCheckerTests
{
    [Theory]
    [InlineData("undeclared", "parameters('nope') is not declared")]
    [InlineData("unbalanced", "unbalanced expression")]
    [InlineData("unknownFunction", "unknown template function frobnicate")]
    [InlineData("undocumented", "parameter 'location' needs metadata.description")]
    [InlineData("dangling", "names no resource of this template")]
    public void Check_BrokenTemplate_ReportsTheMistake(string mutation, string expected)
    {
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "azuredeploy.json")))!.AsObject();
        var resources = template["resources"]!.AsArray();
        switch (mutation)
        {
            case "undeclared": template["variables"]!["planName"] = "[format('{0}-plan', parameters('nope'))]"; break;
            case "unbalanced": template["variables"]!["planName"] = "[format('{0}-plan', parameters('appName')]"; break;
            case "unknownFunction": template["variables"]!["planName"] = "[frobnicate(parameters('appName'))]"; break;
            case "undocumented": template["parameters"]!["location"]!.AsObject().Remove("metadata"); break;
            default: resources[0]!["dependsOn"] = new JsonArray("[resourceId('Microsoft.Sql/servers', 'x')]"); break;
        }

        using var document = JsonDocument.Parse(template.ToJsonString());
        var problems = ArmTemplateChecker.Check(document.RootElement);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }
}
