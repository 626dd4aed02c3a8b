using Checkout.LocalHost.Invocation;
using Checkout.LocalHost.Metadata;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Checkout.LocalHost.Durable;

/// <summary>
/// An <c>activityTrigger</c> function as a Durable Task activity: the worker deserializes the input to the trigger
/// parameter's type with the app's <see cref="DataConverter"/>, the function runs through <see cref="FunctionInvoker"/>
/// (its own scope and <see cref="FunctionContext"/>), its result is the activity's output, and its exception fails the
/// activity (a <see cref="TaskFailedException"/> in the orchestrator).
/// </summary>
internal sealed class FunctionActivity(LocalFunction function, FunctionInvoker invoker, CancellationToken stopping) : ITaskActivity
{
    private readonly Type _inputType = function.Method.GetParameters().Single(p => p.Name == function.Trigger.Name).ParameterType;

    public Type InputType => _inputType == typeof(FunctionContext) ? typeof(object) : _inputType;

    public Type OutputType => FunctionInvoker.ResultType(function.Method) ?? typeof(object);

    /// <remarks>The function's token is the host's stopping token, as a Functions invocation is cancelled on shutdown.</remarks>
    public Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bindingData = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["instanceId"] = context.InstanceId };
        return invoker.InvokeAsync(function, input, bindingData, stopping);
    }
}
