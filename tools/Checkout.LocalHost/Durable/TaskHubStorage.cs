using Checkout.Workflows.Storage;
using DurableTask.AzureStorage;

namespace Checkout.LocalHost.Durable;

/// <summary>The Durable Task engine's Azure Storage provider, the Functions host's default, on <c>AzureWebJobsStorage</c>.</summary>
internal static class TaskHubStorage
{
    /// <exception cref="InvalidOperationException">The account is identity-based.</exception>
    public static AzureStorageOrchestrationService Create(DurableTaskHubOptions options, StorageAccountSettings account, ILoggerFactory loggerFactory)
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
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
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
}
