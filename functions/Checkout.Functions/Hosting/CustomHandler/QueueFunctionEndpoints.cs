using Checkout.Functions.Hosting.Metadata;
using Checkout.Functions.Hosting.QueueTriggers;

namespace Checkout.Functions.Hosting.CustomHandler;

/// <summary>
/// Custom-handler mode's queue triggers: <c>POST /{FunctionName}</c> per registered queue function, calling the very
/// handler the standalone listener calls. 200 completes the message; any non-2xx fails the invocation, so the host
/// applies its own retry (visibilityTimeout) and poison handling (maxDequeueCount), as the listener does standalone.
/// </summary>
public static class QueueFunctionEndpoints
{
    /// <summary>In custom-handler mode, maps the invocation endpoints of the app's registered queue functions and
    /// checks every declared function can be served; standalone, does nothing (the listener delivers instead).</summary>
    public static WebApplication MapQueueFunctionInvocationsIfCustomHandler(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (CustomHandlerMode.Port(app.Configuration) is { } port)
        {
            // Fail start-up rather than run with a function the host would invoke but this process could not serve.
            var registry = app.Services.GetRequiredService<QueueTriggerRegistry>();
            app.MapQueueFunctionInvocations(registry);
            FunctionCatalog.Read(app, registry).EnsureValid();
            CustomHandlerLog.CustomHandlerMode(app.Logger, port, registry.Registrations.Count);
        }

        return app;
    }

    public static IEndpointRouteBuilder MapQueueFunctionInvocations(this IEndpointRouteBuilder endpoints, QueueTriggerRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var registration in registry.Registrations.Where(r => r.FunctionName is not null))
        {
            endpoints.MapPost("/" + registration.FunctionName, (HttpContext context, ILoggerFactory loggers) => InvokeAsync(context, registration, loggers.CreateLogger(typeof(QueueFunctionEndpoints))))
                .WithMetadata(QueueInvocationEndpointMetadata.Instance)
                .ExcludeFromDescription();
        }

        return endpoints;
    }

    private static async Task<IResult> InvokeAsync(HttpContext context, QueueTriggerRegistration registration, ILogger logger)
    {
        var name = registration.FunctionName!;
        using var reader = new StreamReader(context.Request.Body);
        QueueTriggerMessage message;
        try
        {
            message = QueueInvocationRequest.Parse(await reader.ReadToEndAsync(context.RequestAborted), FunctionJsonWriter.QueueBindingName);
        }
        catch (FormatException ex)
        {
            CustomHandlerLog.InvocationRejected(logger, name, ex.Message);
            return Results.Json(InvocationResult.WithLogs($"{name}: invocation refused: {ex.Message}"), statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            await registration.Handler(message, context.RequestAborted);
            return Results.Json(InvocationResult.WithLogs());
        }
#pragma warning disable CA1031 // A function may throw anything; each failure must reach the host as a failed invocation.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            CustomHandlerLog.InvocationFailed(logger, ex, name, message.Id, message.DequeueCount);
            return Results.Json(InvocationResult.WithLogs($"{name} failed on message {message.Id}: {ex.GetType().Name}"), statusCode: StatusCodes.Status500InternalServerError);
        }
    }
}
