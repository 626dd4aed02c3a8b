using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using Checkout.Functions.Tests.Api;
using Checkout.Testing;

namespace Checkout.Functions.Tests.CustomHandler;

/// <summary>
/// The custom-handler contract (reference/azure-platform.md section 1) against the real app process, driven only
/// through what the Functions host would send: forwarded HTTP requests for the HTTP functions and
/// <c>{ Data, Metadata }</c> invocations for the queue-triggered functions.
/// </summary>
public sealed class CustomHandlerContractTests(CustomHandlerApp app) : IClassFixture<CustomHandlerApp>
{
    [Fact]
    public async Task Checkout_DrivenByHostInvocations_CompletesWithTheStandaloneListenerOff()
    {
        Assert.Contains("the standalone queue listener is off", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Listening on queue", app.Output, StringComparison.Ordinal);
        var id = await StartAsync("ch-flow");

        await UntilStatusAsync(id, "awaiting_confirmation");
        using var waiting = JsonDocument.Parse(await (await app.ForwardAsync(HttpMethod.Get, $"/api/checkouts/{id}")).Content.ReadAsStringAsync());
        var quoteId = waiting.RootElement.GetProperty("quote").GetProperty("id").GetString();
        using var confirm = await app.ForwardAsync(HttpMethod.Post, $"/api/checkouts/{id}/confirm", $$"""{"quoteId":"{{quoteId}}"}""");
        Assert.Equal(HttpStatusCode.Accepted, confirm.StatusCode);

        await UntilStatusAsync(id, "completed");
    }

    [Fact]
    public async Task EveryHttpFunction_ForwardedAtItsRoute_IsServedByTheApp()
    {
        Assert.NotEmpty(app.Host.HttpFunctions);
        foreach (var (name, methods, route) in app.Host.HttpFunctions)
        {
            foreach (var method in methods)
            {
                var path = "/api/" + string.Join('/', route.Split('/').Select(s => s.StartsWith('{') ? "ch-unknown" : s));
                using var response = await app.ForwardAsync(new HttpMethod(method), path, key: null);

                // Unauthenticated, a merchant API function answers 401 and an open one answers; an unmatched route would be 404 or 405.
                Assert.True(
                    response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed),
                    $"{name}: {method} {path} was not served ({(int)response.StatusCode}).");
            }
        }
    }

    [Fact]
    public async Task EveryQueueFunction_DocumentedPayload_AnswersOutputsLogsAndReturnValue()
    {
        Assert.NotEmpty(app.Host.QueueFunctions);
        foreach (var (name, _) in app.Host.QueueFunctions)
        {
            // A step for a checkout that does not exist: every function reads it, finds nothing to do, and completes.
            var message = HostMessage($$"""{"checkoutId":"ch_{{Guid.NewGuid():N}}","step":"fx-quote"}""");
            using var response = await app.Host.InvokeAsync(name, message, doubleEncoded: false);

            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode} {body}\n{app.Output}");
            using var document = JsonDocument.Parse(body);
            Assert.Equal(JsonValueKind.Object, document.RootElement.GetProperty("Outputs").ValueKind);
            Assert.Equal(JsonValueKind.Array, document.RootElement.GetProperty("Logs").ValueKind);
            Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("ReturnValue").ValueKind);
        }
    }

    [Fact]
    public async Task PoisonFunction_HostDeliversPoisonedStep_MarksTheCheckoutNeedsAttention()
    {
        var id = await StartAsync("ch-poison");
        await UntilStatusAsync(id, "awaiting_confirmation");
        var poison = Assert.Single(app.Host.QueueFunctions, f => f.Name == "CheckoutWorkPoison");

        var message = HostMessage($$"""{"checkoutId":"{{id}}","step":"capture"}""", dequeueCount: 1);
        using var response = await app.Host.InvokeAsync(poison.Name, message, doubleEncoded: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var status = await app.ForwardAsync(HttpMethod.Get, $"/api/checkouts/{id}");
        using var body = JsonDocument.Parse(await status.Content.ReadAsStringAsync());
        Assert.Equal("needs_attention", body.RootElement.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("this is not a work item", true)]
    [InlineData("{\"checkoutId\":\"\"}", false)]
    public async Task QueueFunction_HandlerThrows_AnswersNonSuccessSoTheHostRetries(string messageText, bool doubleEncoded)
    {
        using var response = await app.Host.InvokeAsync("CheckoutWork", HostMessage(messageText), doubleEncoded);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("FormatException", body.RootElement.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueueFunction_InvocationWithoutMetadata_AnswersBadRequest()
    {
        using var content = new StringContent("""{"Data":{"message":"{}"}}""", Encoding.UTF8, "application/json");
        var target = app.Host.QueueFunctions[0].Name;

        using var response = await app.Host.PostRawAsync(target, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static QueueMessage HostMessage(string text, long dequeueCount = 1)
    {
        var now = DateTimeOffset.UtcNow;
        return QueuesModelFactory.QueueMessage(Guid.NewGuid().ToString(), "AgAAAAMAAAAAAAAAAgtnj8x+1QE=", text, dequeueCount, nextVisibleOn: now.AddSeconds(30), insertedOn: now, expiresOn: now.AddDays(7));
    }

    private async Task<string> StartAsync(string idempotencyKey)
    {
        using var response = await app.ForwardAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.Checkout, idempotencyKey: idempotencyKey + Guid.NewGuid().ToString("N")[..6]);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text + app.Output);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Delivers queue messages as the host would until the checkout reaches the status (or a terminal one).</summary>
    private async Task UntilStatusAsync(string id, string status)
    {
        var reached = await Eventually.UntilAsync(
            async () =>
            {
                await app.Host.DeliverVisibleMessagesAsync();
                using var response = await app.ForwardAsync(HttpMethod.Get, $"/api/checkouts/{id}");
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                return body.RootElement.GetProperty("status").GetString();
            },
            s => s == status || s is "completed" or "rejected" or "expired" or "canceled" or "failed" or "needs_attention",
            TimeSpan.FromSeconds(60),
            $"checkout {id} reaches {status}");
        Assert.True(reached == status, $"Expected {status}, got {reached}\n{app.Output}");
    }
}
