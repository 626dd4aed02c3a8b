using Checkout.Functions.Functions;
using Checkout.Workflows;
using Checkout.Workflows.Runtime;

namespace Checkout.Functions;

/// <summary>The composition root: the workflow services, the HTTP functions and the queue-triggered functions.</summary>
internal static class CheckoutFunctionsExtensions
{
    public static IServiceCollection AddCheckoutFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckoutWorkflows(configuration);
        return services;
    }

    public static WebApplication MapCheckoutFunctions(this WebApplication app)
    {
        app.MapGet(HealthFunction.Route, HealthFunction.CheckAsync);
        return app;
    }

    /// <summary>Creates the tables and queues before anything listens; a storage account that cannot be reached fails
    /// start-up here, with the storage client's error, rather than on the first request.</summary>
    public static Task InitializeCheckoutStorageAsync(this WebApplication app) =>
        app.Services.GetRequiredService<WorkflowStorageInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
}
