using System.Collections.Frozen;
using System.Text.Json;
using Checkout.Domain.Workflow;
using Checkout.Workflows.Serialization;

namespace Checkout.Workflows.Orchestration;

/// <summary>
/// The orchestration's inputs and outputs as JSON text in <see cref="WorkflowJson"/>'s shape. Durable carries strings
/// through whatever data converter the host uses (the Functions host's or the local host's), so the domain's types
/// round-trip exactly as they do in storage. Events travel as <c>{"type","event"}</c>, the type being the record's name.
/// </summary>
public static class CheckoutJson
{
    private static readonly FrozenDictionary<string, Type> EventTypes = typeof(CheckoutEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(CheckoutEvent)) && !t.IsAbstract)
        .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, WorkflowJson.Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, WorkflowJson.Options) ?? throw new FormatException($"Empty {typeof(T).Name}.");

    public static string WriteEvent(CheckoutEvent @event) => Write(Envelope(@event));

    public static CheckoutEvent ReadEvent(string json) => Open(Read<EventEnvelope>(json));

    /// <summary>Several events, in order, as a JSON array of envelopes.</summary>
    public static string WriteEvents(IEnumerable<CheckoutEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Write(events.Select(Envelope).ToList());
    }

    public static IReadOnlyList<CheckoutEvent> ReadEvents(string json) => Read<List<EventEnvelope>>(json).Select(Open).ToList();

    private static EventEnvelope Envelope(CheckoutEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return new EventEnvelope(@event.GetType().Name, JsonSerializer.SerializeToElement(@event, @event.GetType(), WorkflowJson.Options));
    }

    private static CheckoutEvent Open(EventEnvelope envelope) =>
        EventTypes.TryGetValue(envelope.Type, out var type)
            ? (CheckoutEvent)(envelope.Event.Deserialize(type, WorkflowJson.Options) ?? throw new FormatException($"Empty {envelope.Type}."))
            : throw new FormatException($"Unknown checkout event '{envelope.Type}'.");

    private sealed record EventEnvelope(string Type, JsonElement Event);
}
