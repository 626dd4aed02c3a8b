using System.Globalization;
using System.Text.Json;
using Checkout.Functions.Triggers;
using Checkout.Workflows;

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

    /// <summary>Creates the tables and queues before anything listens; a storage account that cannot be reached fails
    /// start-up here, with the storage client's error, rather than on the first request.</summary>
    public static Task InitializeCheckoutStorageAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<WorkflowStorageInitializer>().InitializeAsync(cancellationToken);

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
