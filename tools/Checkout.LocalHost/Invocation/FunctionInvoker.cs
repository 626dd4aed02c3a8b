using System.Globalization;
using System.Reflection;
using Checkout.LocalHost.Metadata;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Checkout.LocalHost.Invocation;

/// <summary>
/// Invokes a function (queue, timer, or Durable activity and orchestrator triggers) as the worker would: in a service
/// scope of its own, with its trigger value, a <see cref="FunctionContext"/>, a <see cref="CancellationToken"/>, a
/// <c>[DurableClient]</c> <see cref="DurableTaskClient"/>, and any other parameter bound by name from the trigger's
/// metadata (a queue message's <c>dequeueCount</c>, <c>id</c>, <c>insertionTime</c>, ...). An instance method's class
/// is created from the scope, with constructor injection. Exceptions propagate to the caller (the queue listener
/// retries or poisons the message; the timer logs and waits for the next occurrence; Durable records a failed task).
/// </summary>
internal sealed class FunctionInvoker(IServiceScopeFactory scopes)
{
    /// <returns>The function's return value, a <see cref="Task{TResult}"/>'s result unwrapped; null for none.</returns>
    public async Task<object?> InvokeAsync(LocalFunction function, object? triggerValue, IReadOnlyDictionary<string, object?> bindingData, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await InvokeAsync(function, triggerValue, bindingData, scope.ServiceProvider, cancellationToken);
    }

    /// <summary>In a scope the caller owns (an orchestrator, whose scope must not be disposed on its own scheduler).</summary>
    public static async Task<object?> InvokeAsync(
        LocalFunction function, object? triggerValue, IReadOnlyDictionary<string, object?> bindingData, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        var context = new LocalFunctionContext(function, services, bindingData, cancellationToken);
        var method = function.Method;
        var arguments = method.GetParameters().Select(p => Bind(p, function, triggerValue, context)).ToArray();
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        // The function's own exception, not a TargetInvocationException around it: the listener logs and retries that.
        var result = method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        if (result is not Task task)
        {
            return result;
        }

        await task;
        return ResultType(method) is null ? null : task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task);
    }

    /// <summary>What the function returns, <see cref="Task{TResult}"/> unwrapped; null for <c>void</c> and <see cref="Task"/>.</summary>
    public static Type? ResultType(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var type = method.ReturnType;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return type.GetGenericArguments()[0];
        }

        return type == typeof(void) || typeof(Task).IsAssignableFrom(type) ? null : type;
    }

    private static object? Bind(ParameterInfo parameter, LocalFunction function, object? triggerValue, LocalFunctionContext context)
    {
        // Before the trigger: an activity may take its trigger as a FunctionContext, as the Durable extension allows.
        if (parameter.ParameterType == typeof(FunctionContext))
        {
            return context;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context.CancellationToken;
        }

        if (parameter.Name == function.Trigger.Name)
        {
            return triggerValue;
        }

        // The Functions host hands each invocation a client for the app's task hub; here it is the one in DI.
        if (function.Entry.Bindings.Any(b => b.Name == parameter.Name && b.Type == FunctionBinding.DurableClient))
        {
            return context.InstanceServices.GetRequiredService<DurableTaskClient>();
        }

        var data = context.BindingContext.BindingData;
        var match = data.FirstOrDefault(d => string.Equals(d.Key, parameter.Name, StringComparison.OrdinalIgnoreCase));
        if (match.Key is null)
        {
            throw new InvalidOperationException($"Function {function.Name}: nothing binds parameter '{parameter.Name}' (trigger metadata: {string.Join(", ", data.Keys)}).");
        }

        var value = match.Value;
        return value is null || parameter.ParameterType.IsInstanceOfType(value) ? value : Convert.ChangeType(value, parameter.ParameterType, CultureInfo.InvariantCulture);
    }
}
