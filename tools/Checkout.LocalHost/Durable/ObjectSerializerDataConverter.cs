using System.Text.Json;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace Checkout.LocalHost.Durable;

/// <summary>
/// Serializes orchestration and activity inputs and outputs as the isolated worker's Durable extension does: with the
/// worker's <see cref="WorkerOptions.Serializer"/>, by default System.Text.Json with the worker's
/// <see cref="JsonSerializerOptions"/> (default options, property names case-insensitive on read), not the web defaults.
/// The same JSON thus lands in the task hub whichever host ran the app.
/// </summary>
internal sealed class ObjectSerializerDataConverter(ObjectSerializer serializer) : DataConverter
{
    public static ObjectSerializerDataConverter FromServices(IServiceProvider services) =>
        new(services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer
            ?? new JsonObjectSerializer(services.GetRequiredService<IOptions<JsonSerializerOptions>>().Value));

    public override string? Serialize(object? value) =>
        value is null ? null : serializer.Serialize(value, value.GetType(), CancellationToken.None).ToString();

    public override object? Deserialize(string? data, Type targetType)
    {
        if (data is null)
        {
            return null;
        }

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data), writable: false);
        return serializer.Deserialize(stream, targetType, CancellationToken.None);
    }

    /// <summary>What the worker's <c>AddFunctionsWorkerDefaults</c> configures on its JSON options.</summary>
    internal sealed class CaseInsensitiveJson : IConfigureOptions<JsonSerializerOptions>
    {
        public void Configure(JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            options.PropertyNameCaseInsensitive = true;
        }
    }
}
