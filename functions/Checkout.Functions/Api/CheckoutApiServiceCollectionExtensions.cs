using Checkout.Domain.Estimates;
using Checkout.Domain.Fx;
using Checkout.Domain.LandedCosts;
using Checkout.Domain.Logistics;
using Checkout.Domain.Sanctions;
using Checkout.Functions.Api;
using Checkout.Functions.Operations;

namespace Checkout.Functions;

internal static class CheckoutApiServiceCollectionExtensions
{
    /// <summary>The API's services: merchant keys, idempotency records, the estimator (with the workflow's FX quoter and
    /// rates, so estimates and checkouts quote alike) and the start-up table creation.</summary>
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
        services.Configure<ConsoleOptions>(configuration.GetSection(ConsoleOptions.SectionName));
        services.AddSingleton<OperatorAuthentication>();
        services.AddSingleton<OperatorActionLog>();
        services.AddSingleton(CreateEstimator);
        services.AddHostedService<ApiStorageInitializer>();
        return services;
    }

    private static CheckoutEstimator CreateEstimator(IServiceProvider services) => new(
        services.GetRequiredService<FxQuoter>(),
        services.GetRequiredService<IFxRateSource>(),
        SanctionsScreener.Default,
        LogisticsPlanner.Default,
        LandedCostCalculator.Default);
}
