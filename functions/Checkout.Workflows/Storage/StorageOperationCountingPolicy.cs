using Azure.Core;
using Azure.Core.Pipeline;

namespace Checkout.Workflows.Storage;

/// <summary>
/// Counts every request a storage client sends, by <see cref="StorageOperationKind"/>. Added per retry, so each
/// attempt counts (each one costs a storage transaction) and attempts after the first are also counted under
/// <see cref="StorageOperationCounters.RetryKind"/>.
/// </summary>
public sealed class StorageOperationCountingPolicy(StorageOperationCounters counters, StorageService service) : HttpPipelineSynchronousPolicy
{
    /// <summary>Adds the policy to a client's options, once per attempt.</summary>
    public static TOptions AddTo<TOptions>(TOptions options, StorageOperationCounters counters, StorageService service)
        where TOptions : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(new StorageOperationCountingPolicy(counters, service), HttpPipelinePosition.PerRetry);
        return options;
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        counters.Increment(StorageOperationKind.Of(service, message.Request));
        if (message.ProcessingContext.RetryNumber > 0)
        {
            counters.Increment(StorageOperationCounters.RetryKind);
        }
    }
}
