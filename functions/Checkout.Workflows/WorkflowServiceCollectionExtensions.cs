using Checkout.Domain.Payments;
using Checkout.Storage;
using Checkout.Storage.Queues;
using Checkout.Storage.Tables;
using Checkout.Workflows.Events;
using Checkout.Workflows.Merchants;
using Checkout.Workflows.Payouts;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Providers;
using Checkout.Workflows.Runtime;
using Checkout.Workflows.Steps;
using Checkout.Workflows.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.Workflows;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>The app setting holding the storage connection string, as in Azure Functions.</summary>
    public const string StorageSetting = "AzureWebJobsStorage";

    /// <summary>Registers the durable checkout runtime on the storage account named by <c>AzureWebJobsStorage</c>
    /// (default: Azurite). A malformed connection string fails here, at start-up, saying what is wrong.</summary>
    public static IServiceCollection AddCheckoutWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(CheckoutWorkflowOptions.SectionName).Get<CheckoutWorkflowOptions>() ?? new CheckoutWorkflowOptions();
        options.Validate();
        var account = ParseStorage(configuration[StorageSetting]);
        var storageOptions = new StorageClientOptions();

        services.AddSingleton(options);
        services.AddSingleton(storageOptions.Counters);
        services.AddSingleton(new QueueServiceClient(account, storageOptions));
        services.AddSingleton(new TableServiceClient(account, storageOptions));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<WorkflowMetrics>();
        services.AddSingleton<CheckoutStore>();
        services.AddSingleton<CommandRouter>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<CheckoutRuntime>();
        services.AddSingleton<CheckoutRules>(sp => CheckoutRules.FromReferenceData(configuration));
        services.AddSingleton<ICheckoutRules>(sp => sp.GetRequiredService<CheckoutRules>());
        services.AddSingleton<IInlineRules>(sp => sp.GetRequiredService<CheckoutRules>());
        services.AddSingleton<SandboxPaymentGateway>();
        services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<SandboxPaymentGateway>());
        services.AddSingleton<PayoutHandOff>();
        services.AddCheckoutPayouts(configuration);
        services.AddSingleton<MerchantProfileStore>();
        services.AddSingleton<IMerchantEventPublisher, QueueMerchantEventPublisher>();
        services.AddCheckoutWebhooks(configuration);
        services.AddSingleton<TimerRearmer>();
        services.AddSingleton<CheckoutWorkHandler>();
        services.AddSingleton<WorkflowStorageInitializer>();
        services.AddSingleton<OutboxSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSweeper>());
        return services;
    }

    private static StorageConnectionString ParseStorage(string? connectionString)
    {
        try
        {
            return StorageConnectionString.Parse(string.IsNullOrWhiteSpace(connectionString) ? "UseDevelopmentStorage=true" : connectionString);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"The {StorageSetting} setting is not a valid storage connection string: {ex.Message}", ex);
        }
    }
}
