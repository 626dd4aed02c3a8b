using System.Collections.Immutable;
using System.Diagnostics;
using Checkout.LocalHost.Metadata;
using Microsoft.Azure.Functions.Worker;

namespace Checkout.LocalHost.Invocation;

/// <summary>
/// The <see cref="FunctionContext"/> of one invocation, as the worker builds it: a new invocation id, the function's
/// definition, the invocation's service scope, its trigger metadata as binding data, and its cancellation.
/// </summary>
internal sealed class LocalFunctionContext(
    LocalFunction function, IServiceProvider services, IReadOnlyDictionary<string, object?> bindingData, CancellationToken cancellationToken) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => Definition.Id;

    public override TraceContext TraceContext { get; } = new LocalTraceContext(Activity.Current?.Id ?? string.Empty, Activity.Current?.TraceStateString ?? string.Empty);

    public override BindingContext BindingContext { get; } = new LocalBindingContext(bindingData);

    public override RetryContext RetryContext { get; } = new LocalRetryContext();

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override FunctionDefinition FunctionDefinition => Definition;

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features { get; } = new LocalInvocationFeatures();

    public override CancellationToken CancellationToken => cancellationToken;

    private LocalFunctionDefinition Definition { get; } = new(function);

    private sealed class LocalTraceContext(string traceParent, string traceState) : TraceContext
    {
        public override string TraceParent => traceParent;

        public override string TraceState => traceState;
    }

    private sealed class LocalBindingContext(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData => data;
    }

    private sealed class LocalRetryContext : RetryContext
    {
        public override int RetryCount => 0;

        public override int MaxRetryCount => 0;
    }

    private sealed class LocalFunctionDefinition(LocalFunction function) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters { get; } =
            [.. function.Method.GetParameters().Select(p => new FunctionParameter(p.Name!, p.ParameterType))];

        public override string PathToAssembly => function.Method.DeclaringType!.Assembly.Location;

        public override string EntryPoint => function.Entry.EntryPoint;

        public override string Id => function.Name;

        public override string Name => function.Name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } =
            function.Entry.Bindings.Where(b => b.Direction == "In").ToImmutableDictionary(b => b.Name, b => (BindingMetadata)new LocalBindingMetadata(b));

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } =
            function.Entry.Bindings.Where(b => b.Direction == "Out").ToImmutableDictionary(b => b.Name, b => (BindingMetadata)new LocalBindingMetadata(b));
    }

    private sealed class LocalBindingMetadata(FunctionBinding binding) : BindingMetadata
    {
        public override string Name => binding.Name;

        public override string Type => binding.Type;

        public override BindingDirection Direction => binding.Direction == "In" ? BindingDirection.In : BindingDirection.Out;
    }

    private sealed class LocalInvocationFeatures : IInvocationFeatures
    {
        private readonly Dictionary<Type, object> _features = [];

        public T? Get<T>() => _features.TryGetValue(typeof(T), out var feature) ? (T)feature : default;

        public void Set<T>(T instance)
        {
            if (instance is null)
            {
                _features.Remove(typeof(T));
            }
            else
            {
                _features[typeof(T)] = instance;
            }
        }

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
