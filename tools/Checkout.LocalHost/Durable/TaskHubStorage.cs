using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Checkout.Workflows.Storage;
using DurableTask.AzureStorage;

namespace Checkout.LocalHost.Durable;

/// <summary>The Durable Task engine's Azure Storage provider, the Functions host's default, on <c>AzureWebJobsStorage</c>;
/// its requests are counted with the app's own (<see cref="StorageOperationCounters"/>), so a checkout's storage cost
/// includes the engine's.</summary>
internal static class TaskHubStorage
{
    /// <exception cref="InvalidOperationException">The account is identity-based.</exception>
    public static AzureStorageOrchestrationService Create(
        DurableTaskHubOptions options, StorageAccountSettings account, StorageOperationCounters counters, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(account);
        // A dev/test host talks to Azurite or a throwaway account; credentials and per-service URIs for three services
        // are what the deployed Functions host handles, so the local host refuses them rather than half-support them.
        if (account.ConnectionString is not { } connectionString)
        {
            throw new InvalidOperationException(
                $"The local host runs Durable Task on a connection string only: set {StorageAccountSettings.SettingName} to one "
                + $"(UseDevelopmentStorage=true for Azurite) instead of the identity-based {StorageAccountSettings.SettingName}__* settings.");
        }

        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.HubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(connectionString, Options(new BlobClientOptions(), counters, StorageService.Blob)),
                StorageServiceClientProvider.ForQueue(connectionString, Options(new QueueClientOptions(), counters, StorageService.Queue)),
                StorageServiceClientProvider.ForTable(connectionString, Options(new TableClientOptions(), counters, StorageService.Table))),
            PartitionCount = options.PartitionCount,
            ControlQueueBatchSize = options.ControlQueueBatchSize,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            UseTablePartitionManagement = options.UseTablePartitionManagement,
            LeaseInterval = options.LeaseInterval,
            LeaseRenewInterval = options.LeaseRenewInterval,
            LeaseAcquireInterval = options.LeaseAcquireInterval,
            ExtendedSessionsEnabled = options.ExtendedSessionsEnabled,
            ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(options.ExtendedSessionIdleTimeoutInSeconds),
            LoggerFactory = loggerFactory,
        };
        if (options.MaxConcurrentActivityFunctions is { } activities)
        {
            settings.MaxConcurrentTaskActivityWorkItems = activities;
        }

        if (options.MaxConcurrentOrchestratorFunctions is { } orchestrators)
        {
            settings.MaxConcurrentTaskOrchestrationWorkItems = orchestrators;
        }

        return new AzureStorageOrchestrationService(settings);
    }

    /// <summary>The app's own retries (a restarted Azurite is away for seconds) and its request counting.</summary>
    private static T Options<T>(T options, StorageOperationCounters counters, StorageService service)
        where T : Azure.Core.ClientOptions =>
        StorageOperationCountingPolicy.AddTo(StorageServiceCollectionExtensions.ConfigureRetries(options), counters, service);
}
