using System.Globalization;
using Checkout.Functions.Functions;
using Checkout.Functions.Hosting;
using Checkout.Functions.Hosting.CustomHandler;
using Checkout.Functions.Hosting.Metadata;
using Checkout.Functions.Hosting.QueueTriggers;
using Checkout.Functions.OpenApi;
using Checkout.Workflows;
using Checkout.Workflows.Runtime;

namespace Checkout.Functions;

/// <summary>The composition root: the workflow services, the HTTP functions and the queue-triggered functions.</summary>
internal static class CheckoutFunctionsExtensions
{
    public const string StandaloneQueueTriggersSection = "QueueTriggers";

    public static IServiceCollection AddCheckoutFunctions(this IServiceCollection services, IConfigurationManager configuration)
    {
        // host.json is the one source of queue-trigger settings; the workflow's "last delivery" must agree with it.
        var hostJson = Path.Combine(AppContext.BaseDirectory, "host.json");
        var triggers = File.Exists(hostJson) ? QueueTriggerOptions.FromHostJson(hostJson) : new QueueTriggerOptions();

        // Standalone-only knobs (not Functions settings) come from app settings, e.g. QueueTriggers__ReceiveVisibilityTimeout:
        // how long messages held by a crashed instance stay hidden (the Functions extension fixes it at 10 minutes).
        configuration.GetSection(StandaloneQueueTriggersSection).Bind(triggers);
        triggers.Validate();
        configuration[$"{CheckoutWorkflowOptions.SectionName}:{nameof(CheckoutWorkflowOptions.MaxDequeueCount)}"] =
            triggers.MaxDequeueCount.ToString(CultureInfo.InvariantCulture);

        services.AddCheckoutWorkflows(configuration);
        // Under the Functions host, the host receives queue messages and invokes the functions; our listener stays off.
        if (CustomHandlerMode.IsEnabled(configuration))
        {
            services.AddQueueTriggerRegistry(CheckoutQueueFunctions.Register);
        }
        else
        {
            services.AddQueueTriggers(CheckoutQueueFunctions.Register);
        }

        services.AddSingleton(triggers);
        services.AddCheckoutApi(configuration);
        services.AddCheckoutOpenApi();
        return services;
    }

    public static WebApplication MapCheckoutFunctions(this WebApplication app)
    {
        // Unmatched routes, wrong methods and unhandled exceptions answer problem+json too, never an empty body.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHttpFunctions(typeof(CheckoutFunctionsExtensions).Assembly);
        app.MapCheckoutOpenApi();
        app.MapQueueFunctionInvocationsIfCustomHandler();
        return app;
    }

    /// <summary>Every function this app declares: its mapped, named endpoints and its registered queue functions.</summary>
    public static FunctionCatalog ReadFunctionCatalog(this WebApplication app) =>
        FunctionCatalog.Read(app, app.Services.GetRequiredService<QueueTriggerRegistry>());

    /// <summary>Creates the tables and queues before anything listens; a storage account that cannot be reached fails
    /// start-up here, with the storage client's error, rather than on the first request.</summary>
    public static Task InitializeCheckoutStorageAsync(this WebApplication app) =>
        app.Services.GetRequiredService<WorkflowStorageInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
}
