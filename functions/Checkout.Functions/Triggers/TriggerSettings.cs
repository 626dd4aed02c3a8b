using System.Globalization;
using Checkout.Functions.Api;
using Checkout.Workflows;
using Checkout.Workflows.Fx;

namespace Checkout.Functions.Triggers;

/// <summary>
/// The app settings the triggers name as <c>%setting%</c>: the Functions host resolves them from its own app settings
/// (set by <c>infra/</c> and <c>local.settings.json</c>), before the app runs, so they cannot be computed there. The
/// app derives the same values (queue names from <c>Checkout:ResourcePrefix</c>, intervals from their options); at
/// start-up <see cref="Apply"/> fills in any that are unset (what the local host resolves) and refuses a queue
/// setting that names another queue than the one the app sends to.
/// </summary>
public static class TriggerSettings
{
    public const string PayoutsQueue = "%Checkout:Queues:Payouts%";
    public const string WebhooksQueue = "%Checkout:Queues:Webhooks%";
    public const string WebhookDeliveriesQueue = "%Checkout:Queues:WebhookDeliveries%";

    /// <summary>host.json's <c>extensions.durableTask.hubName</c>.</summary>
    public const string TaskHub = "%Checkout:TaskHub%";

    /// <summary>A TimeSpan schedule (Premium and Dedicated plans), as the option it comes from.</summary>
    public const string IdempotencySweepSchedule = "%Idempotency:SweepInterval%";

    /// <summary>A TimeSpan schedule, as <see cref="FxOptions.RefreshInterval"/>.</summary>
    public const string FxRefreshSchedule = "%Fx:RefreshInterval%";

    /// <summary>Every setting a trigger names, with the value the app derives for it.</summary>
    public static IReadOnlyDictionary<string, string> Derive(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(CheckoutWorkflowOptions.SectionName).Get<CheckoutWorkflowOptions>() ?? new CheckoutWorkflowOptions();
        var idempotency = configuration.GetSection(IdempotencyOptions.SectionName).Get<IdempotencyOptions>() ?? new IdempotencyOptions();
        var fx = configuration.GetSection(FxOptions.SectionName).Get<FxOptions>() ?? new FxOptions();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Name(PayoutsQueue)] = options.PayoutsQueue,
            [Name(WebhooksQueue)] = options.WebhooksQueue,
            [Name(WebhookDeliveriesQueue)] = options.WebhookDeliveriesQueue,
            [Name(TaskHub)] = options.TaskHub,
            [Name(IdempotencySweepSchedule)] = idempotency.SweepInterval.ToString("c", CultureInfo.InvariantCulture),
            [Name(FxRefreshSchedule)] = fx.RefreshInterval.ToString("c", CultureInfo.InvariantCulture),
        };
    }

    /// <exception cref="InvalidOperationException">A queue setting names another queue than the app's.</exception>
    public static void Apply(IConfiguration configuration)
    {
        foreach (var (name, derived) in Derive(configuration))
        {
            var configured = configuration[name];
            if (string.IsNullOrEmpty(configured))
            {
                configuration[name] = derived;
            }
            else if ((name.StartsWith("Checkout:Queues:", StringComparison.Ordinal) || name == Name(TaskHub)) && configured != derived)
            {
                throw new InvalidOperationException(
                    $"The setting {name.Replace(":", "__", StringComparison.Ordinal)} is '{configured}', but the app uses '{derived}' (from Checkout:ResourcePrefix). Set it to '{derived}'.");
            }
        }
    }

    private static string Name(string expression) => expression.Trim('%');
}
