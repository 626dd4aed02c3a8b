using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Checkout.Functions.Api;
using Checkout.Functions.Tests.Api;
using Checkout.Workflows;

namespace Checkout.Functions.Tests.Webhooks;

/// <summary><c>/api/webhook-endpoints</c> against the real app: the secret only at creation, merchant isolation,
/// refused URLs and event types naming the field and writing nothing.</summary>
public sealed class WebhookEndpointApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private const string Route = "/api/webhook-endpoints";

    [Fact]
    public async Task Create_ValidRequest_Answers201WithWhsecSecretShownOnlyThen()
    {
        using var created = await app.SendAsync(HttpMethod.Post, Route, """{"url":"https://hooks.example.com/a","eventTypes":["checkout.completed","payment.captured"]}""");
        var body = await JsonAsync(created, HttpStatusCode.Created);
        var id = body.GetProperty("id").GetString()!;

        Assert.StartsWith("whsec_", body.GetProperty("secret").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://hooks.example.com/a", body.GetProperty("url").GetString());
        Assert.Equal(["checkout.completed", "payment.captured"], body.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new Uri(app.Http.BaseAddress!, $"{Route}/{id}"), created.Headers.Location);
        using var read = await app.SendAsync(HttpMethod.Get, $"{Route}/{id}");
        var readBody = await JsonAsync(read, HttpStatusCode.OK);
        Assert.False(readBody.TryGetProperty("secret", out _));
        Assert.Equal("enabled", readBody.GetProperty("status").GetString());
        using var list = await app.SendAsync(HttpMethod.Get, Route);
        var listed = (await JsonAsync(list, HttpStatusCode.OK)).GetProperty("data").EnumerateArray().ToList();
        Assert.Contains(listed, e => e.GetProperty("id").GetString() == id);
        Assert.All(listed, e => Assert.False(e.TryGetProperty("secret", out _)));
    }

    [Fact]
    public async Task Create_WithoutEventTypes_SubscribesToEveryType()
    {
        using var created = await app.SendAsync(HttpMethod.Post, Route, """{"url":"https://hooks.example.com/all"}""");
        var body = await JsonAsync(created, HttpStatusCode.Created);

        Assert.True(body.GetProperty("allEventTypes").GetBoolean());
        Assert.Contains("checkout.awaiting_confirmation", body.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Delete_OwnEndpoint_Answers204ThenIsGone()
    {
        var id = await CreateAsync("https://hooks.example.com/delete-me");

        using var deleted = await app.SendAsync(HttpMethod.Delete, $"{Route}/{id}");
        using var again = await app.SendAsync(HttpMethod.Delete, $"{Route}/{id}");
        using var read = await app.SendAsync(HttpMethod.Get, $"{Route}/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task OtherMerchantsEndpoint_Answers404AndIsNotListedOrDeleted()
    {
        var id = await CreateAsync("https://hooks.example.com/mine");
        var keys = new MerchantKeyStore(app.Tables, new ApiTables(new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix }));
        var otherKey = await keys.CreateKeyAsync("merchant-webhooks-b", CancellationToken.None);

        using var read = await app.SendAsync(HttpMethod.Get, $"{Route}/{id}", key: otherKey);
        using var delete = await app.SendAsync(HttpMethod.Delete, $"{Route}/{id}", key: otherKey);
        using var list = await app.SendAsync(HttpMethod.Get, Route, key: otherKey);
        using var own = await app.SendAsync(HttpMethod.Get, $"{Route}/{id}");

        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.NotFound, "not-found");
        Assert.Empty((await JsonAsync(list, HttpStatusCode.OK)).GetProperty("data").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Create_SameIdempotencyKey_ReplaysTheSameEndpointAndSecret()
    {
        var key = Guid.NewGuid().ToString();
        const string Json = """{"url":"https://hooks.example.com/idem"}""";

        using var first = await app.SendAsync(HttpMethod.Post, Route, Json, idempotencyKey: key);
        using var second = await app.SendAsync(HttpMethod.Post, Route, Json, idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_SecretAtRest_IsEncryptedInTheEndpointRowAndTheIdempotencyRecord()
    {
        var key = Guid.NewGuid().ToString();
        const string Json = """{"url":"https://hooks.example.com/at-rest"}""";

        using var created = await app.SendAsync(HttpMethod.Post, Route, Json, idempotencyKey: key);
        var body = await JsonAsync(created, HttpStatusCode.Created);
        using var replayed = await app.SendAsync(HttpMethod.Post, Route, Json, idempotencyKey: key);

        var secret = body.GetProperty("secret").GetString()!;
        Assert.Equal(secret, (await JsonAsync(replayed, HttpStatusCode.Created)).GetProperty("secret").GetString());
        var options = new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix };
        var endpointRow = (await app.Tables.GetTableClient(options.WebhookEndpointsTable)
            .GetEntityAsync<TableEntity>(MerchantOptions.DevMerchantId, body.GetProperty("id").GetString()!)).Value;
        var idempotencyRow = (await app.Tables.GetTableClient(new ApiTables(options).IdempotencyKeys)
            .GetEntityAsync<TableEntity>(MerchantOptions.DevMerchantId, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))))).Value;
        Assert.StartsWith("enc:v1:", endpointRow.GetString("Secret"), StringComparison.Ordinal);
        Assert.StartsWith("enc:v1:", idempotencyRow.GetString("SealedBody"), StringComparison.Ordinal);
        Assert.False(idempotencyRow.ContainsKey("Body"));
        Assert.All(endpointRow.Select(p => p.Value).Concat(idempotencyRow.Select(p => p.Value)), value => Assert.DoesNotContain(secret, ValueText(value), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"url":"ftp://hooks.example.com/x"}""", "#/url")]
    [InlineData("""{"url":"not a url"}""", "#/url")]
    [InlineData("""{"url":"http://169.254.169.254/latest/meta-data/"}""", "#/url")]
    [InlineData("""{"url":"http://metadata.google.internal/"}""", "#/url")]
    [InlineData("""{"url":"http://[fd00:ec2::254]/"}""", "#/url")]
    [InlineData("""{"eventTypes":["checkout.completed"]}""", "#/url")]
    [InlineData("""{"url":"https://hooks.example.com/x","eventTypes":["checkout.completed","checkout.exploded"]}""", "#/eventTypes/1")]
    [InlineData("""{"url":"https://hooks.example.com/x","eventTypes":[]}""", "#/eventTypes")]
    [InlineData("""{"url":"https://hooks.example.com/x","eventTypes":"checkout.completed"}""", "#/eventTypes")]
    [InlineData("""{"url":"https://hooks.example.com/x","eventTypes":[42]}""", "#/eventTypes/0")]
    public async Task Create_BadField_Answers422NamingItAndWritesNothing(string json, string field)
    {
        var merchant = "merchant-bad-" + Guid.NewGuid().ToString("N")[..8];
        var keys = new MerchantKeyStore(app.Tables, new ApiTables(new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix }));
        var key = await keys.CreateKeyAsync(merchant, CancellationToken.None);

        using var response = await app.SendAsync(HttpMethod.Post, Route, json, key: key, idempotencyKey: Guid.NewGuid().ToString());

        var problem = await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)422, "validation");
        Assert.Equal([field], ProblemAssert.Pointers(problem));
        using var list = await app.SendAsync(HttpMethod.Get, Route, key: key);
        Assert.Empty((await JsonAsync(list, HttpStatusCode.OK)).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Create_WithoutKey_Answers401()
    {
        using var response = await app.SendAsync(HttpMethod.Post, Route, """{"url":"https://hooks.example.com/x"}""", key: null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task List_LimitTwo_PagesOldestFirstByLinkAndADeletedEndpointShiftsNothing()
    {
        var keys = new MerchantKeyStore(app.Tables, new ApiTables(new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix }));
        var key = await keys.CreateKeyAsync("merchant-webhooks-" + Guid.NewGuid().ToString("N")[..8], CancellationToken.None);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await CreateAsync($"https://hooks.example.com/page-{i}", key));
        }

        using var first = await app.SendAsync(HttpMethod.Get, Route + "?limit=2", key: key);
        var firstBody = await JsonAsync(first, HttpStatusCode.OK);
        Assert.Equal(ids[..2], firstBody.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        var next = ListCheckoutsTests.NextLink(first) ?? throw new InvalidOperationException("no Link on the first of two pages");
        Assert.StartsWith(app.Http.BaseAddress!.ToString(), next, StringComparison.Ordinal);
        Assert.Contains("limit=2", next, StringComparison.Ordinal);

        // The last endpoint shown goes away before the next page is read: the page still starts after it.
        using (var delete = await app.SendAsync(HttpMethod.Delete, $"{Route}/{ids[1]}", key: key))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        using var request = ApiApp.Request(HttpMethod.Get, "/", key: key);
        request.RequestUri = new Uri(next);
        using var second = await app.Http.SendAsync(request);
        var secondBody = await JsonAsync(second, HttpStatusCode.OK);
        Assert.Equal(ids[2..], secondBody.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, secondBody.GetProperty("nextCursor").ValueKind);
        Assert.Null(ListCheckoutsTests.NextLink(second));
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=21x", "limit")]
    [InlineData("?cursor=bm90IGpzb24", "cursor")]
    public async Task List_BadPaging_Answers400NamingTheParameter(string query, string parameter)
    {
        using var response = await app.SendAsync(HttpMethod.Get, Route + query);

        Assert.Equal([parameter], ProblemAssert.Pointers(await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-query")));
    }

    private async Task<string> CreateAsync(string url, string key = ApiApp.DevKey)
    {
        using var created = await app.SendAsync(HttpMethod.Post, Route, JsonSerializer.Serialize(new { url }), key: key);
        return (await JsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private static string ValueText(object? value) => value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value?.ToString() ?? string.Empty;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
