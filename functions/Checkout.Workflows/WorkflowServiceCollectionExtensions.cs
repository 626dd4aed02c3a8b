using Checkout.Domain.Fx;
using Checkout.Domain.Payments;
using Checkout.Workflows.Buyers;
using Checkout.Workflows.Events;
using Checkout.Workflows.Fx;
using Checkout.Workflows.Merchants;
using Checkout.Workflows.Orchestration;
using Checkout.Workflows.Payouts;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Providers;
using Checkout.Workflows.Refunds;
using Checkout.Workflows.Secrets;
using Checkout.Workflows.Steps;
using Checkout.Workflows.Storage;
using Checkout.Workflows.Wallets;
using Checkout.Workflows.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Checkout.Workflows;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>Registers what the checkout and payout workflows' functions delegate to, on the storage account named by
    /// <c>AzureWebJobsStorage</c>. A malformed storage setting fails here, at start-up, saying what is wrong; so do the
    /// provider choice and the at-rest encryption keys (<c>Secrets</c>), when the host starts or a service needing them is built.</summary>
    public static IServiceCollection AddCheckoutWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(CheckoutWorkflowOptions.SectionName).Get<CheckoutWorkflowOptions>() ?? new CheckoutWorkflowOptions();
        options.Validate();
        services.AddCheckoutStorage(configuration);
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddCheckoutSecrets(configuration);
        services.AddSingleton<CheckoutStore>();
        services.AddSingleton<BuyerIdentityStore>();
        services.AddOptions<BuyerKeyOptions>()
            .Configure(o => o.IdentityHashKey = configuration[BuyerKeyOptions.IdentityHashKeySetting])
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BuyerKeyOptions>>(sp => new BuyerKeyOptionsValidation(sp.GetService<IHostEnvironment>()?.IsDevelopment() == true));
        services.AddSingleton<BuyerKeys>();
        services.AddSingleton<CbecAnnualTotals>();
        services.AddSingleton<CbecAnnualLimit>();
        services.AddCheckoutFx(configuration);
        services.AddSingleton<ICheckoutRules>(sp => CheckoutRules.FromReferenceData(sp.GetRequiredService<FxQuoter>(), sp.GetRequiredService<IFxRateSource>()));
        services.AddSingleton<CheckoutSteps>();
        services.AddSingleton<CheckoutStarter>();
        services.AddOptions<ProviderOptions>()
            .Configure(o =>
            {
                o.PaymentProvider = configuration[ProviderOptions.PaymentProviderSetting];
                o.PayoutRail = configuration[ProviderOptions.PayoutRailSetting];
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProviderOptions>, ProviderOptionsValidation>();
        services.AddSingleton<SandboxPaymentGateway>();
        services.AddSingleton<IPaymentGateway>(sp => Chosen(sp, sp.GetRequiredService<SandboxPaymentGateway>));
        services.AddSingleton(configuration.GetSection(WalletOptions.SectionName).Get<WalletOptions>() ?? new WalletOptions());
        services.AddSingleton<SandboxWalletGateway>();
        services.AddSingleton<IWalletGateway>(sp => Chosen(sp, sp.GetRequiredService<SandboxWalletGateway>));
        services.AddSingleton<WalletNotificationHandler>();
        services.AddSingleton<ProviderMode>();
        services.AddSingleton<PayoutHandOff>();
        services.AddSingleton<RefundStore>();
        services.AddSingleton<RefundDeficits>();
        services.AddSingleton<RefundSettlement>();
        services.AddSingleton<RefundSteps>();
        services.AddSingleton<RefundStarter>();
        services.AddCheckoutPayouts(configuration);
        services.AddSingleton<MerchantProfileStore>();
        services.AddCheckoutWebhooks(configuration);
        services.AddSingleton<WorkflowStorageInitializer>();
        return services;
    }

    /// <summary>The provider the settings name (the sandbox, the only one built in); reading the options throws, naming
    /// the setting, when the choice is missing or unknown.</summary>
    internal static T Chosen<T>(IServiceProvider services, Func<T> sandbox)
    {
        _ = services.GetRequiredService<IOptions<ProviderOptions>>().Value;
        return sandbox();
    }
}
