using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Checkout.Domain.Workflow;
using Checkout.Functions.Tests.Api;
using Checkout.Testing;
using Checkout.Workflows;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Checkout.Functions.Tests;

/// <summary>
/// The merchant's side of the workflow, through the HTTP API of an app process (start checkouts, confirm them), and the
/// auditor's: reads the read model, the sandbox captures and the payouts straight from storage.
/// </summary>
internal sealed class WorkflowClient : IAsyncDisposable
{
    public const string Merchant = "dev";
    public const string DevKey = "dev-key-for-crash-tests-0123456789";

    private readonly ServiceProvider _services;
    private readonly string _connectionString;
    private readonly string _prefix;

    public WorkflowClient(string connectionString, string prefix)
    {
        _connectionString = connectionString;
        _prefix = prefix;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Checkout:ResourcePrefix"] = prefix,
            ["Payments:Provider"] = "sandbox",
            ["Payouts:Rail"] = "sandbox",
            ["Fx:Source"] = "sandbox",
        }).AddInMemoryCollection(TestSecrets.Settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddCheckoutWorkflows(configuration);
        _services = services.BuildServiceProvider();
    }

    public CheckoutStore Store => _services.GetRequiredService<CheckoutStore>();

    /// <summary>Starts a checkout through the API; its id derives from the Idempotency-Key, so a retried start is the same checkout.</summary>
    public static async Task<string> StartAsync(Uri app, string idempotencyKey)
    {
        using var response = await SendAsync(app, "/api/checkouts", SampleRequests.Checkout, idempotencyKey);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Confirms as a client should: a 503 (the checkout's workflow not started yet, after a crash) is retried
    /// with the same key after its Retry-After, for as long as a killed instance's work can take to come back.</summary>
    public static async Task ConfirmAsync(Uri app, string id, string quoteId, Func<Task<string>>? describe = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            using var response = await SendAsync(app, $"/api/checkouts/{id}/confirm", $$"""{"quoteId":"{{quoteId}}"}""", "confirm-" + id);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }

            Assert.True(
                response.StatusCode == HttpStatusCode.Accepted,
                await response.Content.ReadAsStringAsync() + (describe is null ? string.Empty : "; " + await describe()));
            return;
        }
    }

    /// <summary>The engine's own rows for an instance, for a failure message: its Instances row's status and its
    /// history's event types.</summary>
    public async Task<string> EngineViewAsync(string id)
    {
        var hub = "checkout" + _prefix;
        var tables = new TableServiceClient(_connectionString);
        var instance = await tables.GetTableClient(hub + "Instances").GetEntityIfExistsAsync<TableEntity>(id, string.Empty);
        var history = new List<string>();
        await foreach (var row in tables.GetTableClient(hub + "History").QueryAsync<TableEntity>(e => e.PartitionKey == id))
        {
            history.Add($"{row.GetString("EventType")}#{row.GetInt32("EventId")}");
        }

        return $"engine: instance {(instance.HasValue ? instance.Value!.GetString("RuntimeStatus") + " updated " + instance.Value.GetDateTime("LastUpdatedTime")?.ToString("O") : "missing")}, history [{string.Join(", ", history)}]";
    }

    public async Task<CheckoutState> StateAsync(string id) =>
        (await Store.GetAsync(Merchant, id, CancellationToken.None))?.State ?? throw new InvalidOperationException($"No checkout {id}.");

    public async Task<IReadOnlyList<HistoryEntry>> TimelineAsync(string id) =>
        (await Store.GetAsync(Merchant, id, CancellationToken.None))?.Timeline ?? throw new InvalidOperationException($"No checkout {id}.");

    public Task<IReadOnlyList<(string CheckoutId, string CaptureId)>> CapturesAsync() =>
        _services.GetRequiredService<SandboxPaymentGateway>().ListCapturesAsync(CancellationToken.None);

    public Task<IReadOnlyList<(string MerchantId, string PayoutId, string CheckoutId)>> PayoutsAsync() =>
        _services.GetRequiredService<PayoutHandOff>().ListAsync(CancellationToken.None);

    /// <summary>How many recorded payouts are not paid yet.</summary>
    public async Task<int> PayoutsNotPaidAsync() =>
        (await _services.GetRequiredService<Workflows.Payouts.PayoutStore>().ListAllAsync(CancellationToken.None)).Count(p => p.Status != Domain.Payouts.PayoutStatus.Paid);

    public Task<Workflows.Ledger.LedgerReconciliationReport> LedgerAsync() =>
        _services.GetRequiredService<Workflows.Ledger.LedgerReconciliation>().RunAsync(CancellationToken.None);

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static async Task<HttpResponseMessage> SendAsync(Uri app, string path, string json, string idempotencyKey)
    {
        using var http = new HttpClient { BaseAddress = app };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DevKey);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await http.SendAsync(request);
    }
}
