using System.Text.RegularExpressions;
using Checkout.LocalHost.Metadata;
using Checkout.Workflows.Storage;

namespace Checkout.LocalHost.Durable;

/// <summary>
/// The task hub and Azure Storage provider settings, read as the Functions host reads them from host.json
/// (<c>extensions.durableTask</c>: <c>hubName</c>, <c>maxConcurrentActivityFunctions</c>,
/// <c>maxConcurrentOrchestratorFunctions</c>, <c>extendedSessionsEnabled</c>; and its <c>storageProvider</c>), then
/// overridden by the local-only <see cref="LocalSection"/> (<c>DurableTask__WorkItemQueueVisibilityTimeout</c>, ...).
/// Where neither says, the defaults are local ones: the provider's 5-minute visibility timeouts and 30-second leases
/// would keep work held by a killed local process hidden for minutes, so here it comes back within about 30 seconds.
/// </summary>
public sealed partial class DurableTaskHubOptions
{
    public const string HostJsonSection = "extensions:durableTask";

    public const string StorageProviderSection = HostJsonSection + ":storageProvider";

    /// <summary>Local-only knobs, not Functions settings (like <c>QueueTriggers</c>).</summary>
    public const string LocalSection = "DurableTask";

    /// <summary>What the Functions host calls a hub whose host.json names none, outside Azure.</summary>
    public const string DefaultHubName = "TestHubName";

    /// <summary>host.json's <c>hubName</c>, <c>%setting%</c> resolved by <see cref="Load"/>; not overridable locally,
    /// so the local host and the Functions host always share a hub.</summary>
    public string HubName { get; private set; } = DefaultHubName;

    /// <summary>
    /// Control queues, 1..16. Locally 1, not the provider's and Azure's default 4: every partition is a control queue
    /// polled on its own, and a local run is one or two processes on one single-threaded Azurite, where four queues
    /// cost four pollers' receives and leases for no parallelism Azurite could serve (measured in the bench's baseline,
    /// issue 19). On Azure host.json leaves it at 4, which lets a scaled-out app spread orchestrations over up to four
    /// instances; one partition there would pin every orchestration to a single instance.
    /// </summary>
    public int PartitionCount { get; set; } = 1;

    /// <summary>Messages fetched from a control queue at once, 1..32.</summary>
    public int ControlQueueBatchSize { get; set; } = 32;

    /// <summary>How long a dequeued orchestration message stays hidden; after a crash, how long until it is seen again.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a dequeued activity message stays hidden. The sidecar's dispatcher does not renew it, so an activity
    /// running longer than this is delivered again while it still runs (activities are at least once anyway).
    /// </summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound of the back-off between empty polls (the Functions default 30 s would delay a first
    /// orchestration after idle by as much; 2 s as for the local queue triggers).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Blob partition leases here, not the table-based manager the Functions extension defaults to: with the table
    /// manager, a SIGKILLed instance plus a storage restart left a control-queue partition unowned, its orchestrations
    /// stalled, in two of four runs of the bench's chaos round (the provider's own issue #1389 describes the same); with
    /// blob leases, four of four completed. host.json's <c>useTablePartitionManagement</c> or
    /// <c>DurableTask__UseTablePartitionManagement</c> chooses otherwise.
    /// </summary>
    public bool UseTablePartitionManagement { get; set; }

    /// <summary>Partition lease length: how long a killed process keeps its partitions (blob leases need 15-60 s).</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a worker looks for partitions to take over (such as those of a killed process).</summary>
    public TimeSpan LeaseAcquireInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// host.json sets 100, for Azure as here. Unset, the provider's own default is 10 (the Functions host's, 10 per
    /// processor outside Consumption). The steps wait on storage and on webhook endpoints (up to the inline delivery
    /// budget), not on a core: with 10, the bench's activities queued for about a second each while Azurite still had
    /// headroom, and one instance did 10-11 checkouts/s; with 100, 14 (issue 19).
    /// </summary>
    public int? MaxConcurrentActivityFunctions { get; set; }

    public int? MaxConcurrentOrchestratorFunctions { get; set; }

    /// <summary>
    /// host.json's <c>extendedSessionsEnabled</c>: an orchestration's session (its history in memory) is kept between
    /// episodes for up to <see cref="ExtendedSessionIdleTimeoutInSeconds"/>, so the provider reads the history once per
    /// session rather than per episode. The Functions host keeps them for an isolated worker too (the Durable extension
    /// this app builds with, 3.18.0, does); the local host keeps them with <see cref="ExtendedSessionOrchestrationService"/>
    /// under the test sidecar, whose own dispatcher releases every work item.
    /// </summary>
    public bool ExtendedSessionsEnabled { get; set; }

    /// <summary>host.json's <c>extendedSessionIdleTimeoutInSeconds</c>: how long a kept session waits for its next
    /// message; the Functions default, 30.</summary>
    public int ExtendedSessionIdleTimeoutInSeconds { get; set; } = 30;

    /// <summary>host.json's settings over the local defaults, <see cref="HubName"/> unresolved; comments allowed.</summary>
    public static DurableTaskHubOptions FromHostJson(string hostJsonPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostJsonPath);
        var hostJson = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(hostJsonPath), optional: false, reloadOnChange: false).Build();
        var options = new DurableTaskHubOptions();
        hostJson.GetSection(HostJsonSection).Bind(options);
        hostJson.GetSection(StorageProviderSection).Bind(options);
        options.HubName = hostJson[$"{HostJsonSection}:hubName"] is { Length: > 0 } hubName ? hubName : DefaultHubName;
        var connection = hostJson[$"{StorageProviderSection}:connectionName"] ?? hostJson[$"{StorageProviderSection}:connectionStringName"];
        if (connection is { Length: > 0 } && connection != StorageAccountSettings.SettingName)
        {
            throw new InvalidOperationException($"host.json puts the task hub on connection {connection}; the local host serves only {StorageAccountSettings.SettingName}.");
        }

        return options;
    }

    /// <summary>host.json, then the <see cref="LocalSection"/> of <paramref name="configuration"/>; the hub name resolved
    /// from it (the app fills <c>Checkout:TaskHub</c> at start-up), validated.</summary>
    /// <exception cref="InvalidOperationException">A setting is out of range, or the hub name does not resolve.</exception>
    public static DurableTaskHubOptions Load(string hostJsonPath, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = FromHostJson(hostJsonPath);
        configuration.GetSection(LocalSection).Bind(options);
        options.HubName = SettingExpression.Resolve(options.HubName, configuration);
        options.Validate();
        return options;
    }

    public void Validate()
    {
        Require(HubNamePattern().IsMatch(HubName), $"hubName '{HubName}' must be 3-45 letters and digits, starting with a letter.");
        Require(PartitionCount is >= 1 and <= 16, "partitionCount must be between 1 and 16.");
        Require(ControlQueueBatchSize is >= 1 and <= 32, "controlQueueBatchSize must be between 1 and 32.");
        Require(ControlQueueVisibilityTimeout >= TimeSpan.FromSeconds(1), "controlQueueVisibilityTimeout must be at least 1 second.");
        Require(WorkItemQueueVisibilityTimeout >= TimeSpan.FromSeconds(1), "workItemQueueVisibilityTimeout must be at least 1 second.");
        Require(MaxQueuePollingInterval >= TimeSpan.FromMilliseconds(100), "maxQueuePollingInterval must be at least 00:00:00.100.");
        Require(UseTablePartitionManagement || (LeaseInterval >= TimeSpan.FromSeconds(15) && LeaseInterval <= TimeSpan.FromSeconds(60)),
            "the lease interval must be 15-60 seconds with blob partition leases (useTablePartitionManagement false).");
        Require(LeaseRenewInterval > TimeSpan.Zero && LeaseRenewInterval < LeaseInterval, "the lease renew interval must be positive and shorter than the lease interval.");
        Require(LeaseAcquireInterval > TimeSpan.Zero, "the lease acquire interval must be positive.");
        Require(MaxConcurrentActivityFunctions is null or >= 1, "maxConcurrentActivityFunctions must be at least 1.");
        Require(MaxConcurrentOrchestratorFunctions is null or >= 1, "maxConcurrentOrchestratorFunctions must be at least 1.");
        Require(ExtendedSessionIdleTimeoutInSeconds >= 1, "extendedSessionIdleTimeoutInSeconds must be at least 1.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Invalid Durable Task settings ({HostJsonSection} in host.json, or {LocalSection}): {message}");
        }
    }

    // The Azure Storage provider names tables, queues and containers after the hub: letters and digits only.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$", RegexOptions.CultureInvariant)]
    private static partial Regex HubNamePattern();
}
