using Azure.Storage.Queues;

namespace Checkout.LocalHost.Queues;

/// <summary>
/// Queue-trigger settings, bound from the <c>extensions:queues</c> section of the root <c>host.json</c> so the
/// local listener and the Azure Functions host read the same values. Defaults follow the Functions queue
/// extension (reference section 2.1), except <see cref="MaxPollingInterval"/>, which uses the 2 s local default.
/// </summary>
public sealed class QueueTriggerOptions
{
    public const string SectionName = "extensions:queues";

    /// <summary>Messages received per poll, 1..32.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>A new batch is fetched once no more than this many messages are in flight.</summary>
    public int NewBatchThreshold { get; set; } = 8;

    /// <summary>Deliveries before a failing message goes to <c>&lt;queue&gt;-poison</c>.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a message whose handler failed stays invisible before its next try.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>Upper bound of the randomized exponential back-off between empty polls (minimum 100 ms).</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;

    /// <summary>
    /// Visibility timeout of each receive; renewed at half this interval while the handler runs. The Functions
    /// extension fixes it at 10 minutes; it is settable so tests can prove renewal without waiting minutes.
    /// </summary>
    public TimeSpan ReceiveVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>On shutdown, how long in-flight handlers may run on before they are cancelled.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first back-off step and the wait after a poll that found messages (100 ms in the Functions extension).</summary>
    internal TimeSpan MinPollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Reads <c>extensions:queues</c> from a host.json file (comments allowed); missing settings keep their defaults.</summary>
    public static QueueTriggerOptions FromHostJson(string hostJsonPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostJsonPath);
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(hostJsonPath), optional: false, reloadOnChange: false).Build();
        var options = new QueueTriggerOptions();
        configuration.GetSection(SectionName).Bind(options);
        options.Validate();
        return options;
    }

    public void Validate()
    {
        Require(BatchSize is >= 1 and <= 32, "batchSize must be between 1 and 32.");
        Require(NewBatchThreshold >= 0, "newBatchThreshold must not be negative.");
        Require(MaxDequeueCount >= 1, "maxDequeueCount must be at least 1.");
        Require(VisibilityTimeout >= TimeSpan.Zero && VisibilityTimeout <= TimeSpan.FromDays(7), "visibilityTimeout must be between 0 and 7 days.");
        Require(MaxPollingInterval >= TimeSpan.FromMilliseconds(100), "maxPollingInterval must be at least 00:00:00.100.");
        Require(Enum.IsDefined(MessageEncoding), "messageEncoding must be 'base64' or 'none'.");
        Require(ReceiveVisibilityTimeout >= TimeSpan.FromSeconds(1) && ReceiveVisibilityTimeout <= TimeSpan.FromDays(7), "receiveVisibilityTimeout must be between 1 second and 7 days.");
        Require(ShutdownTimeout >= TimeSpan.Zero, "shutdownTimeout must not be negative.");
        Require(MinPollingInterval > TimeSpan.Zero && MinPollingInterval <= MaxPollingInterval, "the minimum polling interval must be positive and at most maxPollingInterval.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Invalid {SectionName} settings in host.json: {message}");
        }
    }
}
