using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.Workflows.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The named queue client that leaves message text as it is on the wire (no base64).</summary>
    public const string RawQueuesClientName = "RawMessages";

    /// <summary>
    /// Registers the Azure SDK's <see cref="TableServiceClient"/> and <see cref="QueueServiceClient"/> for the account
    /// in <c>AzureWebJobsStorage</c>, each counting its requests in the one <see cref="StorageOperationCounters"/>.
    /// Queue messages are base64 text, as the Azure Functions queue trigger expects; a second, named queue client
    /// (<see cref="RawQueuesClientName"/>) reads them undecoded for code that must handle malformed messages itself.
    /// </summary>
    /// <exception cref="InvalidOperationException">The storage setting is malformed.</exception>
    public static IServiceCollection AddCheckoutStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var account = StorageAccountSettings.Read(configuration);
        services.AddSingleton(account);
        services.AddSingleton<StorageOperationCounters>();
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(_ => new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = account.ManagedIdentityClientId }));
            clients.ConfigureDefaults(options => ConfigureRetries(options));
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, provider) =>
                account.CreateTableServiceClient(Counted(options, provider, StorageService.Table), credential));
            clients.AddClient<QueueServiceClient, QueueClientOptions>((options, credential, provider) =>
                account.CreateQueueServiceClient(Counted(WithEncoding(options, QueueMessageEncoding.Base64), provider, StorageService.Queue), credential));
            clients.AddClient<QueueServiceClient, QueueClientOptions>((options, credential, provider) =>
                    account.CreateQueueServiceClient(Counted(WithEncoding(options, QueueMessageEncoding.None), provider, StorageService.Queue), credential))
                .WithName(RawQueuesClientName);
        });
        return services;
    }

    /// <summary>Azurite (one node thread) and a busy account answer 503 ServerBusy under load, and a restarted Azurite is
    /// away for seconds: retry more, and sooner, than the SDK's default (3 retries from 0.8 s), and give up on a stalled
    /// attempt after 30 s rather than 100 s. The local host gives the Durable Task engine's clients the same.</summary>
    public static T ConfigureRetries<T>(T options)
        where T : Azure.Core.ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 5;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    private static TOptions Counted<TOptions>(TOptions options, IServiceProvider provider, StorageService service)
        where TOptions : Azure.Core.ClientOptions =>
        StorageOperationCountingPolicy.AddTo(options, provider.GetRequiredService<StorageOperationCounters>(), service);

    private static QueueClientOptions WithEncoding(QueueClientOptions options, QueueMessageEncoding encoding)
    {
        options.MessageEncoding = encoding;
        return options;
    }
}
