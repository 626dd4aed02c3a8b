using System.Net.Http.Headers;
using System.Text;
using Azure.Data.Tables;
using Checkout.Testing;

namespace Checkout.Functions.Tests.Api;

/// <summary>
/// The real app as a process on the shared Azurite, in Development with merchant <c>dev</c>'s key set, as
/// <c>./run.sh</c> runs it; one per test class. Also reads the app's tables, to prove what a request did or did not write.
/// </summary>
public class ApiApp : IAsyncLifetime
{
    public const string DevKey = "dev-key-for-tests-0123456789";

    private readonly AzuriteFixture _azurite = new();
    private readonly IReadOnlyDictionary<string, string> _settings;
    private AppProcess? _app;

    public ApiApp()
        : this(new Dictionary<string, string>())
    {
    }

    /// <param name="settings">Extra app settings (environment variables) for this app.</param>
    protected ApiApp(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
    }

    public string Prefix { get; } = "a" + Guid.NewGuid().ToString("N")[..8];

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The Azurite the app uses, for running the app's one-shot commands against the same storage.</summary>
    public string ConnectionString => _azurite.ConnectionString;

    public TableServiceClient Tables { get; private set; } = null!;

    public string Output => _app?.Output ?? string.Empty;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        var environment = new Dictionary<string, string>(_settings)
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["Checkout__ResourcePrefix"] = Prefix,
            ["Merchants__DevApiKey"] = DevKey,
            };
        _app = AppProcess.Start(environment);
        Http = new HttpClient { BaseAddress = _app.BaseAddress };
        Tables = new TableServiceClient(_azurite.ConnectionString);
        await Eventually.UntilAsync(
            async () => await IsHealthyAsync(),
            healthy => healthy || _app.HasExited,
            TimeSpan.FromSeconds(60),
            "the app answers /api/health");
        if (_app.HasExited)
        {
            throw new InvalidOperationException("The app exited: " + _app.Output);
        }
    }

    public Task DisposeAsync()
    {
        Http.Dispose();
        _app?.Dispose();
        return Task.CompletedTask;
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? json = null, string? key = DevKey, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
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

        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? key = DevKey, string? idempotencyKey = null)
    {
        using var request = Request(method, path, json, key, idempotencyKey);
        return await Http.SendAsync(request);
    }

    /// <summary>Rows in the checkouts and idempotency tables: what requests have written.</summary>
    public async Task<int> WrittenRowsAsync()
    {
        var count = 0;
        foreach (var table in new[] { "t" + Prefix + "checkouts", "t" + Prefix + "idempotency" })
        {
            await foreach (var row in Tables.GetTableClient(table).QueryAsync<TableEntity>())
            {
                if (row.PartitionKey != "health")
                {
                    count++;
                }
            }
        }

        return count;
    }

    private async Task<bool> IsHealthyAsync()
    {
        try
        {
            using var response = await Http.GetAsync(new Uri("/api/health", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
