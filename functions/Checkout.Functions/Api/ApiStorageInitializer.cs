using Checkout.Domain.Monetary;
using Checkout.Workflows.Merchants;
using Microsoft.Extensions.Options;

namespace Checkout.Functions.Api;

/// <summary>Creates the API's tables before the server listens (hosted services start before Kestrel), and in
/// Development stores the key of merchant <c>dev</c> from <c>Merchants:DevApiKey</c>.</summary>
internal sealed partial class ApiStorageInitializer(
    MerchantKeyStore keys,
    IdempotencyStore idempotency,
    MerchantProfileStore profiles,
    TimeProvider clock,
    IOptions<MerchantOptions> options,
    IHostEnvironment environment,
    ILogger<ApiStorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await keys.InitializeAsync(cancellationToken);
        await idempotency.InitializeAsync(cancellationToken);
        if (environment.IsDevelopment() && !string.IsNullOrWhiteSpace(options.Value.DevApiKey))
        {
            await keys.StoreDevKeyAsync(options.Value.DevApiKey, cancellationToken);
            var currency = new CurrencyCode(options.Value.DevSettlementCurrency);
            await profiles.UpsertAsync(new MerchantProfile(MerchantOptions.DevMerchantId, "Development merchant", currency, clock.GetUtcNow()), cancellationToken);
            LogDevMerchant(logger, MerchantOptions.DevMerchantId);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Development merchant {MerchantId} can use the key from Merchants:DevApiKey")]
    private static partial void LogDevMerchant(ILogger logger, string merchantId);
}
