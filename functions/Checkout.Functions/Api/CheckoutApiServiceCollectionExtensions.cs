using Checkout.Domain.Estimates;
using Checkout.Domain.Fx;
using Checkout.Domain.LandedCosts;
using Checkout.Domain.Logistics;
using Checkout.Domain.ReferenceData;
using Checkout.Domain.Sanctions;
using Checkout.Functions.Api;

namespace Checkout.Functions;

internal static class CheckoutApiServiceCollectionExtensions
{
    /// <summary>The API's services: merchant keys, idempotency records, the estimator (with the workflow's FX quote
    /// options from <c>Fx:Quotes</c>, so estimates and checkouts quote alike) and the start-up table creation.</summary>
    public static IServiceCollection AddCheckoutApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.Configure<MerchantOptions>(configuration.GetSection(MerchantOptions.SectionName));
        services.AddSingleton<ApiTables>();
        services.AddSingleton<MerchantKeyStore>();
        services.AddSingleton<VerifiedKeyCache>();
        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.SectionName))
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<IdempotentPost>();
        services.AddSingleton<MerchantAuthentication>();
        services.AddSingleton(_ => CreateEstimator(configuration));
        services.AddHostedService<ApiStorageInitializer>();
        return services;
    }

    private static CheckoutEstimator CreateEstimator(IConfiguration configuration)
    {
        var files = EmbeddedReferenceData.Instance;
        var rates = new ReferenceDataFxRateSource(files);
        var quoteOptions = configuration.GetSection(FxQuoteOptions.SectionName).Get<FxQuoteOptions>() ?? new FxQuoteOptions();
        return new CheckoutEstimator(
            new FxQuoter(rates, FxSpreadPolicyLoader.Load(files), quoteOptions),
            rates,
            SanctionsScreener.Default,
            LogisticsPlanner.Default,
            LandedCostCalculator.Default);
    }
}
