using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Checkout.Functions.Tests.CustomHandler;

/// <summary>
/// Plays the Azure Functions host against the app in custom-handler mode, from the generated function.json files
/// only: routes HTTP requests as the host would and forwards them at their original path
/// (<c>enableForwardingHttpRequest</c>), and delivers queue messages as <c>POST /{FunctionName}</c> with the
/// documented <c>{ Data, Metadata }</c> payload, settling them like the queue trigger (delete on 2xx, release or
/// poison otherwise).
/// </summary>
internal sealed class FunctionsHostSimulator(HttpClient handler, string functionsDirectory, QueueServiceClient queues, int maxDequeueCount)
{
    public IReadOnlyList<(string Name, string[] Methods, string Route)> HttpFunctions { get; } = ReadHttp(functionsDirectory);

    public IReadOnlyList<(string Name, string Queue)> QueueFunctions { get; } = ReadQueues(functionsDirectory);

    /// <summary>The host only forwards requests that match a function's route and methods; anything else it answers itself.</summary>
    public async Task<HttpResponseMessage> ForwardAsync(HttpRequestMessage request)
    {
        var path = request.RequestUri!.OriginalString.Split('?')[0];
        Assert.True(
            HttpFunctions.Any(f => f.Methods.Contains(request.Method.Method, StringComparer.OrdinalIgnoreCase) && RouteMatches("api/" + f.Route, path)),
            $"No function.json routes {request.Method} {path}; the Functions host would answer 404 without calling the handler.");
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1041.200");
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Azure-Functions-Host", "4.1041.200"));
        return await handler.SendAsync(request);
    }

    /// <summary>Receives what is visible on every queue-triggered function's queue and invokes the function once per message.</summary>
    public async Task<int> DeliverVisibleMessagesAsync()
    {
        var delivered = 0;
        foreach (var (name, queue) in QueueFunctions)
        {
            var client = queues.GetQueueClient(queue);
            foreach (var message in (await client.ReceiveMessagesAsync(16, TimeSpan.FromMinutes(1))).Value)
            {
                using var response = await InvokeAsync(name, message, doubleEncoded: true);
                await SettleAsync(client, queue, message, response.IsSuccessStatusCode);
                delivered++;
            }
        }

        return delivered;
    }

    public async Task<HttpResponseMessage> InvokeAsync(string functionName, QueueMessage message, bool doubleEncoded)
    {
        // Our storage client has already undone the base64 message encoding, as the host's queue trigger does.
        using var content = new StringContent(InvocationBody(message.Body.ToString(), message, doubleEncoded).ToJsonString(), Encoding.UTF8, "application/json");
        return await handler.PostAsync(new Uri("/" + functionName, UriKind.Relative), content);
    }

    public Task<HttpResponseMessage> PostRawAsync(string functionName, HttpContent content) =>
        handler.PostAsync(new Uri("/" + functionName, UriKind.Relative), content);

    /// <summary>
    /// The request payload of the custom-handlers doc. The host converts a string trigger value with
    /// <c>JsonConvert.SerializeObject</c>, so besides the doc's plain form it may arrive JSON-quoted once more.
    /// </summary>
    public static JsonObject InvocationBody(string messageText, QueueMessage message, bool doubleEncoded) => new()
    {
        ["Data"] = new JsonObject { ["message"] = doubleEncoded ? JsonSerializer.Serialize(messageText) : messageText },
        ["Metadata"] = new JsonObject
        {
            ["DequeueCount"] = message.DequeueCount,
            ["ExpirationTime"] = message.ExpiresOn.GetValueOrDefault().ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
            ["Id"] = message.MessageId,
            ["InsertionTime"] = message.InsertedOn.GetValueOrDefault().ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
            ["NextVisibleTime"] = message.NextVisibleOn.GetValueOrDefault().ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
            ["PopReceipt"] = message.PopReceipt,
            ["sys"] = new JsonObject { ["MethodName"] = "QueueTrigger", ["UtcNow"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), ["RandGuid"] = Guid.NewGuid().ToString() },
        },
    };

    private async Task SettleAsync(QueueClient client, string queue, QueueMessage message, bool succeeded)
    {
        if (succeeded)
        {
            await client.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }
        else if (message.DequeueCount >= maxDequeueCount && !queue.EndsWith("-poison", StringComparison.Ordinal))
        {
            await queues.GetQueueClient(queue + "-poison").SendMessageAsync(message.Body.ToString());
            await client.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }
        else
        {
            await client.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }
    }

    private static bool RouteMatches(string template, string path)
    {
        var expected = template.Trim('/').Split('/');
        var actual = path.Trim('/').Split('/');
        return expected.Length == actual.Length
            && expected.Zip(actual).All(p => p.First.StartsWith('{') || string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<(string Name, JsonElement Trigger)> Triggers(string directory)
    {
        foreach (var file in Directory.GetFiles(directory, "function.json", SearchOption.AllDirectories))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var trigger = document.RootElement.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "in");
            yield return (Path.GetFileName(Path.GetDirectoryName(file)!), trigger.Clone());
        }
    }

    private static List<(string, string[], string)> ReadHttp(string directory) =>
        [.. Triggers(directory).Where(t => t.Trigger.GetProperty("type").GetString() == "httpTrigger").Select(t => (
            t.Name,
            t.Trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToArray(),
            t.Trigger.GetProperty("route").GetString()!))];

    private static List<(string, string)> ReadQueues(string directory) =>
        [.. Triggers(directory).Where(t => t.Trigger.GetProperty("type").GetString() == "queueTrigger").Select(t => (t.Name, t.Trigger.GetProperty("queueName").GetString()!))];
}
