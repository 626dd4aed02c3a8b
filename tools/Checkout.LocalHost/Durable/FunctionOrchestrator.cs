using System.Reflection;
using Checkout.LocalHost.Invocation;
using Checkout.LocalHost.Metadata;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Checkout.LocalHost.Durable;

/// <summary>
/// An <c>orchestrationTrigger</c> function as a Durable Task orchestrator: its trigger parameter gets the
/// <see cref="TaskOrchestrationContext"/>, a <see cref="FunctionContext"/> and <see cref="CancellationToken"/> bind
/// if declared (the context's <c>GetInput&lt;T&gt;</c> converts to any type, <see cref="FunctionOrchestrationContext"/>),
/// and, as in the Durable extension, the first other parameter without a binding gets the orchestration's
/// input. The worker creates one per episode (replay), so nothing here outlives it.
/// </summary>
internal sealed class FunctionOrchestrator(LocalFunction function, IServiceProvider services) : ITaskOrchestrator
{
    private readonly ParameterInfo? _input = InputParameter(function);

    public Type InputType => _input?.ParameterType ?? typeof(object);

    public Type OutputType => FunctionInvoker.ResultType(function.Method) ?? typeof(object);

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var bindingData = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (_input is not null)
        {
            bindingData[_input.Name!] = input;
        }

        // The scope is disposed off the orchestration's scheduler: an await on disposal inside orchestrator code would
        // be a non-durable await. An episode that ends with the orchestrator still waiting leaves its scope to the
        // garbage collector; the next episode replays in a new one, as the Functions host invokes it anew.
        // No cancellation: orchestrator code must not wait on anything but durable tasks.
        var functionContext = new FunctionOrchestrationContext(context, services.GetRequiredService<DataConverter>(), services.GetRequiredService<ILoggerFactory>());
        var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var run = FunctionInvoker.InvokeAsync(function, functionContext, bindingData, scope.ServiceProvider, CancellationToken.None);
#pragma warning disable DURABLE0004 // Deliberately not on the orchestration's scheduler; the orchestrator's result is `run` itself.
        _ = run.ContinueWith(_ => scope.DisposeAsync().AsTask(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
#pragma warning restore DURABLE0004
        return run;
    }

    private static ParameterInfo? InputParameter(LocalFunction function) =>
        function.Method.GetParameters().FirstOrDefault(p =>
            p.ParameterType != typeof(FunctionContext)
            && p.ParameterType != typeof(CancellationToken)
            && !function.Entry.Bindings.Any(b => b.Name == p.Name));
}
