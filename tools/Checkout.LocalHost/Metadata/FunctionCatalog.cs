using System.Reflection;
using System.Text.Json;

namespace Checkout.LocalHost.Metadata;

/// <summary>
/// The functions the app's build declared in <c>functions.metadata</c>, each resolved to its method in the app's
/// assembly, as the worker resolves an entry point. Nothing else is served: a method without an entry is not a function.
/// </summary>
public sealed class FunctionCatalog
{
    public const string FileName = "functions.metadata";

    private FunctionCatalog(IReadOnlyList<LocalFunction> functions, IReadOnlyList<string>? disabled = null)
    {
        Functions = functions;
        Disabled = disabled ?? [];
    }

    public IReadOnlyList<LocalFunction> Functions { get; }

    public IEnumerable<LocalFunction> WithTrigger(string triggerType) => Functions.Where(f => f.Trigger.Type == triggerType);

    /// <summary>The catalog without the functions disabled by the app setting <c>AzureWebJobs.{name}.Disabled</c>
    /// (<c>AzureWebJobs__{name}__Disabled</c> where a setting name cannot hold dots) set to true: as the Functions host
    /// does, nothing triggers them, so no queue is listened to and no route answers for them.</summary>
    public FunctionCatalog Enabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var disabled = Functions.Where(f => IsDisabled(configuration, f.Name)).Select(f => f.Name).ToList();
        return disabled.Count == 0 ? this : new FunctionCatalog([.. Functions.Where(f => !disabled.Contains(f.Name))], [.. Disabled, .. disabled]);
    }

    /// <summary>The functions <see cref="Enabled"/> left out.</summary>
    public IReadOnlyList<string> Disabled { get; }

    private static bool IsDisabled(IConfiguration configuration, string name) =>
        bool.TryParse(configuration[$"AzureWebJobs.{name}.Disabled"] ?? configuration[$"AzureWebJobs:{name}:Disabled"], out var disabled) && disabled;

    /// <exception cref="InvalidOperationException">The file is missing or names a method the assembly does not have.</exception>
    public static FunctionCatalog Load(string path, Assembly app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: build functions/Checkout.Functions (the worker SDK writes it).");
        }

        var entries = JsonSerializer.Deserialize<List<FunctionEntry>>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"{path} lists no functions.");
        return Create(entries, app);
    }

    /// <summary>Entries written by hand, resolved as <see cref="Load"/> resolves the file's (tests with functions of their own).</summary>
    internal static FunctionCatalog Create(IEnumerable<FunctionEntry> entries, Assembly app) =>
        new([.. entries.Select(e => new LocalFunction(e, Resolve(e, app)))]);

    private static MethodInfo Resolve(FunctionEntry entry, Assembly app)
    {
        if (!string.Equals(Path.GetFileNameWithoutExtension(entry.ScriptFile), app.GetName().Name, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Function {entry.Name} is in {entry.ScriptFile}, not in {app.GetName().Name}.");
        }

        var split = entry.EntryPoint.LastIndexOf('.');
        var type = app.GetType(entry.EntryPoint[..split], throwOnError: false);
        var methods = type?.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)
            .Where(m => m.Name == entry.EntryPoint[(split + 1)..]).ToList() ?? [];
        return methods.Count == 1
            ? methods[0]
            : throw new InvalidOperationException($"Function {entry.Name}: entry point {entry.EntryPoint} names {methods.Count} methods in {app.GetName().Name}.");
    }
}
