using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payouts;
using Checkout.Domain.Payouts.BankAccounts;
using Checkout.Workflows.Merchants;
using Checkout.Workflows.Payouts;
using Microsoft.Extensions.Options;

namespace Checkout.Functions.Api;

/// <summary>Creates the API's tables before the server listens (hosted services start before Kestrel), and in
/// Development stores the key of merchant <c>dev</c> from <c>Merchants:DevApiKey</c>, its profile and, unless it has one,
/// a sandbox payout destination.</summary>
internal sealed partial class ApiStorageInitializer(
    MerchantKeyStore keys,
    IdempotencyStore idempotency,
    Operations.OperatorActionLog operatorActions,
    MerchantProfileStore profiles,
    PayoutDestinationStore destinations,
    TimeProvider clock,
    IOptions<MerchantOptions> options,
    IHostEnvironment environment,
    ILogger<ApiStorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await keys.InitializeAsync(cancellationToken);
        await idempotency.InitializeAsync(cancellationToken);
        await operatorActions.InitializeAsync(cancellationToken);
        if (environment.IsDevelopment() && !string.IsNullOrWhiteSpace(options.Value.DevApiKey))
        {
            await keys.StoreDevKeyAsync(options.Value.DevApiKey, cancellationToken);
            var currency = new CurrencyCode(MerchantOptions.DevSettlementCurrency);
            await profiles.UpsertAsync(new MerchantProfile(MerchantOptions.DevMerchantId, "Development merchant", currency, clock.GetUtcNow()), cancellationToken);
            await GiveDevMerchantAPayoutDestinationAsync(cancellationToken);
            LogDevMerchant(logger, MerchantOptions.DevMerchantId);
        }
    }

    /// <summary>Only when it has none: a destination the developer set through the API survives restarts.</summary>
    private async Task GiveDevMerchantAPayoutDestinationAsync(CancellationToken cancellationToken)
    {
        if (await destinations.GetAsync(MerchantOptions.DevMerchantId, cancellationToken) is null)
        {
            var destination = new PayoutDestination(
                "Development merchant",
                new CountryCode("US"),
                new CurrencyCode(MerchantOptions.DevSettlementCurrency),
                new BankAccount(BankAccountScheme.UsAch, options.Value.DevPayoutAccountNumber, RoutingNumber: MerchantOptions.DevPayoutRoutingNumber));
            await destinations.SetAsync(MerchantOptions.DevMerchantId, destination, clock.GetUtcNow(), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Development merchant {MerchantId} can use the key from Merchants:DevApiKey")]
    private static partial void LogDevMerchant(ILogger logger, string merchantId);
}
