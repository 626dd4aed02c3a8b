using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Checkout.Workflows.Secrets;

public static class SecretsServiceCollectionExtensions
{
    /// <summary>The <see cref="SecretProtector"/> with the key ring from <c>Secrets</c>, validated at start-up. The
    /// development key is accepted only when the host runs in Development (no host environment, as in library tests,
    /// counts as production).</summary>
    public static IServiceCollection AddCheckoutSecrets(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SecretsOptions>()
            .Configure(o =>
            {
                o.EncryptionKeys = configuration[SecretsOptions.EncryptionKeysSetting];
                o.ActiveKeyId = configuration[SecretsOptions.ActiveKeyIdSetting];
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecretsOptions>>(sp => new SecretsOptionsValidation(sp.GetService<IHostEnvironment>()?.IsDevelopment() == true));
        services.AddSingleton(sp => SecretKeyRing.From(sp.GetRequiredService<IOptions<SecretsOptions>>().Value));
        services.AddSingleton<SecretProtector>();
        return services;
    }
}
