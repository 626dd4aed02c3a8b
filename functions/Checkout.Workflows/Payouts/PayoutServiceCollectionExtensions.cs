using Checkout.Domain.Payouts;
using Checkout.Workflows.Ledger;
using Checkout.Workflows.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.Workflows.Payouts;

public static class PayoutServiceCollectionExtensions
{
    /// <summary>The ledger, the payout workflow and the payout rail <c>Payouts:Rail</c> names; settings from <c>Payouts</c>.</summary>
    public static IServiceCollection AddCheckoutPayouts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(PayoutOptions.SectionName).Get<PayoutOptions>() ?? new PayoutOptions();
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<LedgerStore>();
        services.AddSingleton<LedgerReconciliation>();
        services.AddSingleton<PayoutStore>();
        services.AddSingleton<PayoutDestinationStore>();
        services.AddSingleton<SandboxPayoutRail>();
        services.AddSingleton<IPayoutRail>(sp => WorkflowServiceCollectionExtensions.Chosen(sp, sp.GetRequiredService<SandboxPayoutRail>));
        services.AddSingleton<SettlementQuoter>();
        services.AddSingleton<PayoutProcessor>();
        services.AddSingleton<PayoutRetries>();
        services.AddSingleton<PayoutSteps>();
        services.AddSingleton<PayoutOrchestrations>();
        services.AddSingleton<RailWebhookHandler>();
        services.AddSingleton<PayoutStorageInitializer>();
        return services;
    }
}
