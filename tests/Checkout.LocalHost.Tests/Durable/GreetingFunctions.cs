using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.LocalHost.Tests.Durable;

public sealed record GreetingRequest(string Name);

public sealed record Greeting(string Text, string ComposedBy, string? InstanceId, bool HadServices);

public sealed record GreetingOutcome(Greeting Greeting, string? Failure);

/// <summary>
/// Functions shaped as the app's will be (isolated worker, Durable attributes), served to the local host through a
/// hand-made catalog (<see cref="DurableFunctionsTests"/>): an orchestrator calling an activity that succeeds and one
/// that throws, a queue function and an HTTP function with a <c>[DurableClient]</c>.
/// </summary>
public static class GreetingFunctions
{
    public const string Orchestration = "GreetingOrchestration";

    [Function(Orchestration)]
    public static async Task<GreetingOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.GetInput<GreetingRequest>()!;
        var greeting = await context.CallActivityAsync<Greeting>(nameof(ComposeGreeting), request);
        try
        {
            await context.CallActivityAsync(nameof(RefuseGreeting), request);
            return new GreetingOutcome(greeting, null);
        }
        catch (TaskFailedException ex)
        {
            return new GreetingOutcome(greeting, ex.FailureDetails.ErrorMessage);
        }
    }

    [Function(nameof(ComposeGreeting))]
    public static Task<Greeting> ComposeGreeting([ActivityTrigger] GreetingRequest request, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(new Greeting(
            $"Hello {request.Name}",
            context.FunctionDefinition.Name,
            context.BindingContext.BindingData["instanceId"] as string,
            context.InstanceServices.GetService<TimeProvider>() is not null));
    }

    [Function(nameof(RefuseGreeting))]
    public static Task RefuseGreeting([ActivityTrigger] GreetingRequest request) =>
        throw new InvalidOperationException($"No second greeting for {request?.Name}");

    [Function(nameof(StartGreeting))]
    public static Task StartGreeting([QueueTrigger("%Test:GreetingQueue%")] string message, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.ScheduleNewOrchestrationInstanceAsync(Orchestration, new GreetingRequest(message), new StartOrchestrationOptions(InstanceId: message), cancellationToken);
    }

    [Function(nameof(GreetingStatus))]
    public static async Task<IResult> GreetingStatus(HttpRequest request, string id, [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: false, request?.HttpContext.RequestAborted ?? default);
        return instance is null ? Results.NotFound() : Results.Ok(new { status = instance.RuntimeStatus.ToString() });
    }
}
