using System.Globalization;
using Checkout.Functions;
using Checkout.Functions.OpenApi;
using Checkout.LocalHost.Durable;
using Checkout.LocalHost.Http;
using Checkout.LocalHost.Invocation;
using Checkout.LocalHost.Metadata;
using Checkout.LocalHost.Queues;
using Checkout.LocalHost.Timers;
using Checkout.Workflows.Storage;

namespace Checkout.LocalHost;

/// <summary>
/// Builds the local host: the app's own services (<see cref="CheckoutFunctionsExtensions.AddCheckoutFunctions"/>, as
/// its <c>Program.cs</c> registers them), and the functions listed in <c>functions.metadata</c> wired to their
/// triggers: HTTP on Kestrel (default <c>http://localhost:7071</c>), queues through listeners with host.json's queue
/// semantics, timers on their schedules, orchestrators and activities on the Durable Task engine behind its gRPC
/// sidecar, as the Functions host runs them. Settings are read from the app's <c>appsettings*.json</c> next to this
/// assembly, whatever the working directory, then the environment and the command line.
/// </summary>
internal static class LocalFunctionHost
{
    public const string DefaultUrls = "http://localhost:7071";

    /// <summary>Local-only knobs (not Functions settings), e.g. <c>QueueTriggers__ReceiveVisibilityTimeout</c>: how long
    /// messages held by a killed process stay hidden (the Functions extension fixes it at 10 minutes).</summary>
    public const string QueueTriggersSection = "QueueTriggers";

    public static WebApplication Build(string[] args) =>
        Build(args, FunctionCatalog.Load(Path.Combine(AppContext.BaseDirectory, FunctionCatalog.FileName), typeof(CheckoutFunctionsExtensions).Assembly));

    /// <summary>Serves <paramref name="catalog"/> instead of the app's functions.metadata (tests with functions of their own).</summary>
    internal static WebApplication Build(string[] args, FunctionCatalog catalog)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        catalog = catalog.Enabled(builder.Configuration);
        var hostJson = Path.Combine(AppContext.BaseDirectory, "host.json");
        builder.Services.AddCheckoutFunctions(builder.Configuration);
        builder.Services.AddCheckoutOpenApi();
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton<FunctionInvoker>();
        builder.Services.AddQueueTriggers((services, registry) => RegisterQueueFunctions(services, registry, catalog, builder.Configuration));
        builder.Services.AddSingleton(_ => ConfigureQueueTriggers(QueueTriggerOptions.FromHostJson(hostJson), builder.Configuration));
        builder.Services.AddHostedService<TimerTriggerService>();
        // After AddCheckoutFunctions: the task hub's name is a setting the app fills in.
        builder.Services.AddDurableFunctions(catalog, builder.Configuration, hostJson);

        var app = builder.Build();
        foreach (var name in catalog.Disabled)
        {
            LocalHostLog.FunctionDisabled(app.Logger, name);
        }

        // Unmatched routes, wrong methods and unhandled exceptions answer problem+json too, never an empty body.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHttpFunctions(catalog);
        return app;
    }

    private static void RegisterQueueFunctions(IServiceProvider services, QueueTriggerRegistry registry, FunctionCatalog catalog, IConfiguration configuration)
    {
        var invoker = services.GetRequiredService<FunctionInvoker>();
        foreach (var function in catalog.WithTrigger(FunctionBinding.QueueTrigger))
        {
            var connection = function.Trigger.Connection ?? StorageAccountSettings.SettingName;
            if (connection != StorageAccountSettings.SettingName)
            {
                throw new InvalidOperationException($"Queue function {function.Name} reads connection {connection}; the local host serves only {StorageAccountSettings.SettingName}.");
            }

            var queueName = SettingExpression.Resolve(function.Trigger.QueueName ?? string.Empty, configuration);
            registry.Add(function.Name, queueName, (message, cancellationToken) => invoker.InvokeAsync(function, message.Text, BindingData(message), cancellationToken));
        }
    }

    /// <summary>The queue trigger's metadata, by the names the worker binds parameters with.</summary>
    private static Dictionary<string, object?> BindingData(QueueTriggerMessage message) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["QueueTrigger"] = message.Text,
        ["Id"] = message.Id,
        ["DequeueCount"] = message.DequeueCount,
        ["InsertionTime"] = message.InsertionTime,
        ["ExpirationTime"] = message.ExpirationTime,
        ["NextVisibleTime"] = message.NextVisibleTime,
        ["PopReceipt"] = message.PopReceipt,
    };

    private static QueueTriggerOptions ConfigureQueueTriggers(QueueTriggerOptions fromHostJson, ConfigurationManager configuration)
    {
        configuration.GetSection(QueueTriggersSection).Bind(fromHostJson);
        fromHostJson.Validate();
        return fromHostJson;
    }
}

internal static partial class LocalHostLog
{
    [LoggerMessage(EventId = 8000, Level = LogLevel.Warning, Message = "Function {Name} is disabled by its AzureWebJobs.{Name}.Disabled setting: nothing triggers it")]
    public static partial void FunctionDisabled(ILogger logger, string name);
}
