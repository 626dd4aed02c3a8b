using Checkout.Domain.Fx;
using Checkout.Domain.ReferenceData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Checkout.Workflows.Fx;

public static class FxServiceCollectionExtensions
{
    /// <summary>
    /// The one <see cref="IFxRateSource"/> and <see cref="FxQuoter"/> that checkouts, estimates and settlements all quote
    /// with, from the source <c>Fx:Source</c> names; quote options from <c>Fx:Quotes</c>, spreads from the domain's
    /// reference data. Settings that make no sense stop start-up, naming the setting, as the providers' do.
    /// </summary>
    public static IServiceCollection AddCheckoutFx(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FxOptions>().Bind(configuration.GetSection(FxOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FxOptions>, FxOptionsValidation>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FxOptions>>().Value);
        services.AddOptions<FxQuoteOptions>().Bind(configuration.GetSection(FxQuoteOptions.SectionName))
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FxQuoteOptions>>().Value);
        services.AddSingleton<FxRateStore>();
        services.AddSingleton<LiveFxRateSource>();
        services.AddSingleton<FxRateHealth>();
        services.AddSingleton<IFxRateSource>(sp => sp.GetRequiredService<FxOptions>().IsSandbox
            ? new ReferenceDataFxRateSource(EmbeddedReferenceData.Instance, sample: true)
            : sp.GetRequiredService<LiveFxRateSource>());
        services.AddSingleton(sp => new FxQuoter(
            sp.GetRequiredService<IFxRateSource>(), FxSpreadPolicyLoader.Load(EmbeddedReferenceData.Instance), sp.GetRequiredService<FxQuoteOptions>()));
        services.AddSingleton(sp => new FxRateFeed(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, sp.GetRequiredService<FxOptions>()));
        services.AddSingleton<FxRateUpdater>();
        services.AddHostedService<FxRateReloader>();
        return services;
    }

    /// <summary>Live rates only: puts the newest stored set in force before the app takes work, and when none was ever
    /// stored (a new deployment) fetches once rather than wait for the timer. A feed that is down then leaves the app
    /// up without rates: health says so and quotes wait.</summary>
    public static async Task LoadFxRatesAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetRequiredService<FxOptions>().IsSandbox)
        {
            return;
        }

        var rates = services.GetRequiredService<LiveFxRateSource>();
        await rates.ReloadAsync(cancellationToken);
        if (rates.Current is null)
        {
            await services.GetRequiredService<FxRateUpdater>().UpdateAsync(cancellationToken);
        }
    }

    private sealed class FxOptionsValidation : IValidateOptions<FxOptions>
    {
        public ValidateOptionsResult Validate(string? name, FxOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
