using System.Net.Http.Headers;
using System.Text;
using Azure.Storage.Queues;
using Checkout.Functions.Hosting.Metadata;
using Checkout.Functions.Hosting.QueueTriggers;
using Checkout.Testing;

namespace Checkout.Functions.Tests.CustomHandler;

/// <summary>
/// The real app process in custom-handler mode on its own Azurite, with the function.json files generated for its
/// settings and a <see cref="FunctionsHostSimulator"/> reading them; one per test class.
/// </summary>
public sealed class CustomHandlerApp : IAsyncLifetime
{
    public const string DevKey = "dev-key-for-custom-handler-tests";

    private readonly AzuriteFixture _azurite = new();
    private readonly string _functionsDirectory = Path.Combine(Path.GetTempPath(), UniqueName.Queue("functions"));
    private AppProcess? _app;
    private HttpClient? Http { get; set; }

    public string Prefix { get; } = "c" + Guid.NewGuid().ToString("N")[..8];

    public string Output => _app?.Output ?? string.Empty;

    internal FunctionsHostSimulator Host { get; private set; } = null!;

    internal QueueServiceClient Queues { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        await WriteFunctionJsonAsync();
        _app = AppProcess.StartCustomHandler(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["Checkout__ResourcePrefix"] = Prefix,
            ["Merchants__DevApiKey"] = DevKey,
            ["Fx__Quotes__MaxRateAgeDays"] = "36500",
        });
        Http = new HttpClient { BaseAddress = _app.BaseAddress };
        Queues = new QueueServiceClient(_azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var maxDequeueCount = QueueTriggerOptions.FromHostJson(Path.Combine(AppContext.BaseDirectory, "host.json")).MaxDequeueCount;
        Host = new FunctionsHostSimulator(Http, _functionsDirectory, Queues, maxDequeueCount);
        await WaitUntilReadyAsync();
    }

    public Task DisposeAsync()
    {
        Http?.Dispose();
        _app?.Dispose();
        if (Directory.Exists(_functionsDirectory))
        {
            Directory.Delete(_functionsDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>A merchant's request as the host forwards it.</summary>
    public async Task<HttpResponseMessage> ForwardAsync(HttpMethod method, string path, string? json = null, string? key = DevKey, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Host.ForwardAsync(request);
    }

    private async Task WriteFunctionJsonAsync()
    {
        // The same configuration the process gets, so the generated queue names carry its resource prefix.
        await using var app = CheckoutFunctionsApp.Build([$"--Checkout:ResourcePrefix={Prefix}"]);
        FunctionJsonWriter.WriteAll(app.ReadFunctionCatalog(), _functionsDirectory);
    }

    // Like the host: any HTTP answer on the port means ready; a refused connection means not yet.
    private async Task WaitUntilReadyAsync()
    {
        await Eventually.UntilAsync(
            async () => await AnswersAsync(),
            ready => ready || _app!.HasExited,
            TimeSpan.FromSeconds(60),
            "the custom handler answers on FUNCTIONS_CUSTOMHANDLER_PORT");
        if (_app!.HasExited)
        {
            throw new InvalidOperationException("The app exited: " + _app.Output);
        }
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var response = await Http!.GetAsync(new Uri("/", UriKind.Relative));
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
