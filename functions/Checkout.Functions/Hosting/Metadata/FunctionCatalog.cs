using System.Text.RegularExpressions;
using Checkout.Functions.Hosting.QueueTriggers;
using Microsoft.AspNetCore.Routing;

namespace Checkout.Functions.Hosting.Metadata;

/// <summary>
/// Every function of the app, read from where it is declared: HTTP functions are the app's mapped endpoints, each named
/// with <c>.WithName(...)</c>; queue-triggered functions are the named entries of the <see cref="QueueTriggerRegistry"/>.
/// The standalone host serves exactly these, and function.json files are generated from exactly these, so the two
/// hosting modes cannot drift apart. <see cref="Problems"/> lists declarations the Functions host could not serve,
/// each saying what to add.
/// </summary>
public sealed partial class FunctionCatalog
{
    /// <summary>The Functions HTTP route prefix (host.json <c>extensions.http.routePrefix</c>).</summary>
    public const string RoutePrefix = "api";

    private FunctionCatalog(IReadOnlyList<FunctionDefinition> functions, IReadOnlyList<string> problems)
    {
        Functions = functions;
        Problems = problems;
    }

    public IReadOnlyList<FunctionDefinition> Functions { get; }

    public IReadOnlyList<string> Problems { get; }

    public static FunctionCatalog Read(IEndpointRouteBuilder endpoints, QueueTriggerRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(registry);
        var functions = new List<FunctionDefinition>();
        var problems = new List<string>();
        HttpFunctionReader.Read(endpoints, functions, problems);
        ReadQueueFunctions(registry, functions, problems);
        CheckNames(functions, problems);
        return new FunctionCatalog(functions, problems);
    }

    /// <summary>Throws when any declaration cannot be served by the Functions host, listing every problem.</summary>
    public FunctionCatalog EnsureValid()
    {
        if (Problems.Count > 0)
        {
            throw new InvalidOperationException("The function declarations are incomplete:" + Environment.NewLine + string.Join(Environment.NewLine, Problems.Select(p => "- " + p)));
        }

        return this;
    }

    private static void ReadQueueFunctions(QueueTriggerRegistry registry, List<FunctionDefinition> functions, List<string> problems)
    {
        foreach (var registration in registry.Registrations)
        {
            if (registration.FunctionName is null)
            {
                problems.Add(
                    $"The queue-triggered handler on queue '{registration.QueueName}' has no function name, so the Functions host cannot invoke it. "
                    + $"Declare it in CheckoutQueueFunctions.Register as registry.Add(\"{SuggestName(registration.QueueName)}\", <queue name>, handler).");
                continue;
            }

            functions.Add(new FunctionDefinition(registration.FunctionName, FunctionTrigger.Queue, null, [], registration.QueueName, registration.Connection));
        }
    }

    private static void CheckNames(List<FunctionDefinition> functions, List<string> problems)
    {
        foreach (var function in functions.Where(f => !ValidName().IsMatch(f.Name)))
        {
            problems.Add($"Function name '{function.Name}' is not valid for Azure Functions: start with a letter, then letters, digits, '_' or '-', at most 128 characters.");
        }

        // Function names are folder names in the package, so they must differ without regard to case.
        foreach (var group in functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"Function name '{group.Key}' is declared {group.Count()} times ({string.Join("; ", group.Select(f => f.Describe()))}); give each function its own name.");
        }
    }

    /// <summary>A PascalCase name from a route or queue name, offered in problem messages: "checkout-work" gives "CheckoutWork".</summary>
    internal static string SuggestName(string text) =>
        string.Concat(NameParts().Matches(text).Select(m => char.ToUpperInvariant(m.Value[0]) + m.Value[1..]));

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9_-]{0,127}$")]
    private static partial Regex ValidName();

    [GeneratedRegex("[a-zA-Z0-9]+")]
    private static partial Regex NameParts();
}
