using System.Globalization;
using System.Reflection;
using Checkout.LocalHost.Metadata;
using Microsoft.Azure.Functions.Worker;

namespace Checkout.LocalHost.Invocation;

/// <summary>
/// Invokes a queue- or timer-triggered function as the worker would: in a service scope of its own, with its trigger
/// value, a <see cref="FunctionContext"/>, a <see cref="CancellationToken"/>, and any other parameter bound by name from
/// the trigger's metadata (a queue message's <c>dequeueCount</c>, <c>id</c>, <c>insertionTime</c>, ...). An instance
/// method's class is created from the scope, with constructor injection. Exceptions propagate to the caller (the queue
/// listener retries or poisons the message; the timer logs and waits for the next occurrence).
/// </summary>
internal sealed class FunctionInvoker(IServiceScopeFactory scopes)
{
    public async Task InvokeAsync(LocalFunction function, object triggerValue, IReadOnlyDictionary<string, object?> bindingData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        await using var scope = scopes.CreateAsyncScope();
        var context = new LocalFunctionContext(function, scope.ServiceProvider, bindingData, cancellationToken);
        var method = function.Method;
        var arguments = method.GetParameters().Select(p => Bind(p, function, triggerValue, context)).ToArray();
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, method.DeclaringType!);
        // The function's own exception, not a TargetInvocationException around it: the listener logs and retries that.
        var result = method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        if (result is Task task)
        {
            await task;
        }
    }

    private static object? Bind(ParameterInfo parameter, LocalFunction function, object triggerValue, LocalFunctionContext context)
    {
        if (parameter.Name == function.Trigger.Name)
        {
            return triggerValue;
        }

        if (parameter.ParameterType == typeof(FunctionContext))
        {
            return context;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context.CancellationToken;
        }

        var data = context.BindingContext.BindingData;
        var value = data.FirstOrDefault(d => string.Equals(d.Key, parameter.Name, StringComparison.OrdinalIgnoreCase)).Value
            ?? throw new InvalidOperationException($"Function {function.Name}: nothing binds parameter '{parameter.Name}' (trigger metadata: {string.Join(", ", data.Keys)}).");
        return parameter.ParameterType.IsInstanceOfType(value) ? value : Convert.ChangeType(value, parameter.ParameterType, CultureInfo.InvariantCulture);
    }
}
