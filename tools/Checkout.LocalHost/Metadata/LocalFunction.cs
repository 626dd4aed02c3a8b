using System.Reflection;

namespace Checkout.LocalHost.Metadata;

/// <summary>A function of the app: its entry in <c>functions.metadata</c> and the method that entry points at.</summary>
public sealed record LocalFunction(FunctionEntry Entry, MethodInfo Method)
{
    public string Name => Entry.Name;

    public FunctionBinding Trigger => Entry.Trigger;
}
