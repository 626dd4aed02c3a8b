using Checkout.Workflows.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Checkout.Workflows.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>Webhook endpoints, signing and delivery. Loopback endpoint URLs are allowed only when the host runs in
    /// Development (no host environment, as in library tests, counts as production).</summary>
    public static IServiceCollection AddCheckoutWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(WebhookOptions.SectionName).Get<WebhookOptions>() ?? new WebhookOptions();
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton(sp => new WebhookUrlPolicy(sp.GetService<IHostEnvironment>()?.IsDevelopment() == true));
        services.AddSingleton<WebhookEndpointStore>();
        services.AddSingleton<WebhookDeliveryStore>();
        services.AddSingleton<WebhookAttemptScheduler>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookFanOut>();
        services.AddSingleton<WebhookDeliveryHandler>();
        services.AddSingleton<QueueMerchantEventPublisher>();
        services.AddSingleton<IMerchantEventPublisher, WebhookPublisher>();
        services.AddSingleton<WebhookStorageInitializer>();
        return services;
    }
}
