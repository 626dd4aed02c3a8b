using System.Globalization;
using System.Text.Json;
using Checkout.Functions.Triggers;
using Checkout.Workflows;
using Checkout.Workflows.Fx;

namespace Checkout.Functions;

/// <summary>The composition root, used by the worker's <c>Program.cs</c> and by the local host alike: the trigger
/// settings, the workflow services and the API's services. The functions themselves are the <c>[Function]</c> methods.</summary>
public static class CheckoutFunctionsExtensions
{
    public static IServiceCollection AddCheckoutFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        TriggerSettings.Apply(configuration);

        // host.json is the one source of queue-trigger settings; the workflow's "last delivery" must agree with it.
        configuration[$"{CheckoutWorkflowOptions.SectionName}:{nameof(CheckoutWorkflowOptions.MaxDequeueCount)}"] =
            MaxDequeueCount(Path.Combine(AppContext.BaseDirectory, "host.json")).ToString(CultureInfo.InvariantCulture);

        services.AddCheckoutWorkflows(configuration);
        services.AddCheckoutApi(configuration);
        return services;
    }

    /// <summary>Before anything listens: creates the tables and queues (a storage account that cannot be reached fails
    /// start-up here, with the storage client's error, rather than on the first request), then puts the stored FX rates
    /// in force, fetching them once when none were ever stored.</summary>
    public static async Task InitializeCheckoutAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<WorkflowStorageInitializer>().InitializeAsync(cancellationToken);
        await services.LoadFxRatesAsync(cancellationToken);
    }

    /// <summary><c>extensions.queues.maxDequeueCount</c>, 5 (the Functions default) when host.json does not say.</summary>
    private static int MaxDequeueCount(string hostJsonPath)
    {
        if (!File.Exists(hostJsonPath))
        {
            return 5;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(hostJsonPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return json.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("queues", out var queues)
            && queues.TryGetProperty("maxDequeueCount", out var count)
            ? count.GetInt32()
            : 5;
    }
}
