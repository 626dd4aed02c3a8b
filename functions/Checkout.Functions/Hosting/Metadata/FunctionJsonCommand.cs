using Checkout.Functions.Hosting.CustomHandler;

namespace Checkout.Functions.Hosting.Metadata;

/// <summary>
/// <c>Checkout.Functions --write-function-json &lt;directory&gt;</c>: writes one folder with a function.json per
/// declared function and exits, without touching storage. The publish script runs it to lay out the package.
/// </summary>
internal static class FunctionJsonCommand
{
    /// <summary>The command-line switch, read as the configuration key the command-line provider makes of it.</summary>
    public const string Key = "write-function-json";

    public static bool IsRequested(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[Key]);

    public static void Run(WebApplication app)
    {
        var directory = Path.GetFullPath(app.Configuration[Key]!);
        var folders = FunctionJsonWriter.WriteAll(app.ReadFunctionCatalog(), directory);
        CustomHandlerLog.FunctionJsonWritten(app.Logger, folders.Count, directory);
    }
}
