using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Checkout.Functions.Api;
using Checkout.Functions.Tests.Api;
using Checkout.Workflows;

namespace Checkout.Functions.Tests.Webhooks;

/// <summary><c>PATCH /api/webhook-endpoints/{id}</c> and <c>POST /{id}/rotate-secret</c> against the real app: each field
/// changed, unknown fields 400, bad ones 422, another merchant's endpoint 404, a rotation replayed by its key.</summary>
public sealed class WebhookEndpointChangeApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private const string Route = "/api/webhook-endpoints";

    [Fact]
    public async Task Patch_Url_ChangesOnlyTheUrl()
    {
        var id = await CreateAsync("""{"url":"https://hooks.example.com/before","eventTypes":["payout.paid"]}""");

        var body = await PatchOkAsync(id, """{"url":"https://hooks.example.com/after"}""");

        Assert.Equal("https://hooks.example.com/after", body.GetProperty("url").GetString());
        Assert.Equal(["payout.paid"], body.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("enabled", body.GetProperty("status").GetString());
        Assert.False(body.TryGetProperty("secret", out _));
        Assert.Equal("https://hooks.example.com/after", (await GetAsync(id)).GetProperty("url").GetString());
    }

    [Fact]
    public async Task Patch_EventTypes_ChangesThemAndNullSubscribesToEveryType()
    {
        var id = await CreateAsync("""{"url":"https://hooks.example.com/types"}""");

        var narrowed = await PatchOkAsync(id, """{"eventTypes":["checkout.completed","payout.failed"]}""");
        var widened = await PatchOkAsync(id, """{"eventTypes":null}""");

        Assert.Equal(["checkout.completed", "payout.failed"], narrowed.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.False(narrowed.GetProperty("allEventTypes").GetBoolean());
        Assert.True(widened.GetProperty("allEventTypes").GetBoolean());
        Assert.Equal("https://hooks.example.com/types", widened.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Patch_EnabledFalseThenTrue_DisablesWithAReasonThenClearsIt()
    {
        var id = await CreateAsync("""{"url":"https://hooks.example.com/toggle"}""");

        var disabled = await PatchOkAsync(id, """{"enabled":false}""");
        var enabled = await PatchOkAsync(id, """{"enabled":true}""");

        Assert.Equal("disabled", disabled.GetProperty("status").GetString());
        Assert.Contains("merchant", disabled.GetProperty("disabledReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("enabled", enabled.GetProperty("status").GetString());
        Assert.False(enabled.TryGetProperty("disabledReason", out _));
    }

    [Fact]
    public async Task Patch_EmptyObjectOrNoBody_Answers200WithTheEndpointUnchanged()
    {
        var id = await CreateAsync("""{"url":"https://hooks.example.com/noop"}""");
        var before = (await GetAsync(id)).GetRawText();

        var empty = await PatchOkAsync(id, "{}");
        using var noBody = await app.SendAsync(HttpMethod.Patch, $"{Route}/{id}");

        Assert.Equal(before, empty.GetRawText());
        Assert.Equal(before, (await JsonAsync(noBody, HttpStatusCode.OK)).GetRawText());
    }

    [Fact]
    public async Task Patch_UnknownField_Answers400NamingItAndChangesNothing()
    {
        var id = await CreateAsync("""{"url":"https://hooks.example.com/unknown"}""");

        using var response = await app.SendAsync(HttpMethod.Patch, $"{Route}/{id}", """{"url":"https://hooks.example.com/changed","secret":"whsec_x","enable":true}""");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "unknown-field");
        Assert.Equal(["#/secret", "#/enable"], ProblemAssert.Pointers(problem));
        Assert.Equal("https://hooks.example.com/unknown", (await GetAsync(id)).GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("""{"url":"ftp://hooks.example.com/x"}""", "#/url")]
    [InlineData("""{"url":"http://169.254.169.254/latest/meta-data/"}""", "#/url")]
    [InlineData("""{"eventTypes":[]}""", "#/eventTypes")]
    [InlineData("""{"eventTypes":["checkout.exploded"]}""", "#/eventTypes/0")]
    [InlineData("""{"enabled":"yes"}""", "#/enabled")]
    [InlineData("""{"enabled":null}""", "#/enabled")]
    public async Task Patch_BadField_Answers422NamingItAndChangesNothing(string json, string field)
    {
        var id = await CreateAsync("""{"url":"https://hooks.example.com/bad-patch"}""");
        var before = (await GetAsync(id)).GetRawText();

        using var response = await app.SendAsync(HttpMethod.Patch, $"{Route}/{id}", json);

        var problem = await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)422, "validation");
        Assert.Equal([field], ProblemAssert.Pointers(problem));
        Assert.Equal(before, (await GetAsync(id)).GetRawText());
    }

    [Fact]
    public async Task PatchAndRotate_OtherMerchantsOrUnknownEndpoint_Answer404AndChangeNothing()
    {
        var id = await CreateAsync("""{"url":"https://hooks.example.com/not-yours"}""");
        var before = (await GetAsync(id)).GetRawText();
        var otherKey = await NewMerchantKeyAsync();

        using var patch = await app.SendAsync(HttpMethod.Patch, $"{Route}/{id}", """{"enabled":false}""", key: otherKey);
        using var rotate = await app.SendAsync(HttpMethod.Post, $"{Route}/{id}/rotate-secret", key: otherKey);
        using var unknown = await app.SendAsync(HttpMethod.Patch, $"{Route}/we_000000000000000000000000", """{"enabled":false}""");
        using var malformed = await app.SendAsync(HttpMethod.Post, $"{Route}/nonsense/rotate-secret");

        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(rotate, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(before, (await GetAsync(id)).GetRawText());
    }

    [Fact]
    public async Task Rotate_AnswersANewSecretOnceAndKeepsBothEncrypted()
    {
        using var created = await app.SendAsync(HttpMethod.Post, Route, """{"url":"https://hooks.example.com/rotate"}""");
        var createdBody = await JsonAsync(created, HttpStatusCode.Created);
        var (id, old) = (createdBody.GetProperty("id").GetString()!, createdBody.GetProperty("secret").GetString()!);

        using var rotated = await app.SendAsync(HttpMethod.Post, $"{Route}/{id}/rotate-secret");
        var body = await JsonAsync(rotated, HttpStatusCode.OK);

        var secret = body.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.NotEqual(old, secret);
        var expires = body.GetProperty("previousSecretExpiresTime").GetDateTimeOffset();
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24));
        var read = await GetAsync(id);
        Assert.False(read.TryGetProperty("secret", out _));
        Assert.Equal(expires, read.GetProperty("previousSecretExpiresTime").GetDateTimeOffset());
        var row = (await app.Tables.GetTableClient(new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix }.WebhookEndpointsTable)
            .GetEntityAsync<TableEntity>(MerchantOptions.DevMerchantId, id)).Value;
        Assert.StartsWith("enc:v1:", row.GetString("Secret"), StringComparison.Ordinal);
        Assert.StartsWith("enc:v1:", row.GetString("PreviousSecret"), StringComparison.Ordinal);
        Assert.All(row.Select(p => p.Value?.ToString() ?? string.Empty), value =>
        {
            Assert.DoesNotContain(secret["whsec_".Length..], value, StringComparison.Ordinal);
            Assert.DoesNotContain(old["whsec_".Length..], value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Rotate_SameIdempotencyKey_ReplaysTheSameSecretWithoutRotatingAgain()
    {
        var id = await CreateAsync("""{"url":"https://hooks.example.com/rotate-idem"}""");
        var key = Guid.NewGuid().ToString();

        using var first = await app.SendAsync(HttpMethod.Post, $"{Route}/{id}/rotate-secret", idempotencyKey: key);
        using var replay = await app.SendAsync(HttpMethod.Post, $"{Route}/{id}/rotate-secret", idempotencyKey: key);
        using var fresh = await app.SendAsync(HttpMethod.Post, $"{Route}/{id}/rotate-secret", idempotencyKey: Guid.NewGuid().ToString());

        var secret = (await JsonAsync(first, HttpStatusCode.OK)).GetProperty("secret").GetString();
        Assert.Equal(secret, (await JsonAsync(replay, HttpStatusCode.OK)).GetProperty("secret").GetString());
        Assert.Equal("true", replay.Headers.GetValues(ApiResponse.ReplayedHeader).Single());
        Assert.NotEqual(secret, (await JsonAsync(fresh, HttpStatusCode.OK)).GetProperty("secret").GetString());
    }

    [Fact]
    public async Task Rotate_BodyWithFields_Answers400()
    {
        var id = await CreateAsync("""{"url":"https://hooks.example.com/rotate-body"}""");

        using var response = await app.SendAsync(HttpMethod.Post, $"{Route}/{id}/rotate-secret", """{"expiresInHours":1}""");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "unknown-field");
        Assert.Equal(["#/expiresInHours"], ProblemAssert.Pointers(problem));
        Assert.False((await GetAsync(id)).TryGetProperty("previousSecretExpiresTime", out _));
    }

    private async Task<string> NewMerchantKeyAsync()
    {
        var keys = new MerchantKeyStore(app.Tables, new ApiTables(new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix }));
        return await keys.CreateKeyAsync("merchant-change-" + Guid.NewGuid().ToString("N")[..8], CancellationToken.None);
    }

    private async Task<string> CreateAsync(string json)
    {
        using var created = await app.SendAsync(HttpMethod.Post, Route, json);
        return (await JsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> GetAsync(string id)
    {
        using var read = await app.SendAsync(HttpMethod.Get, $"{Route}/{id}");
        return await JsonAsync(read, HttpStatusCode.OK);
    }

    private async Task<JsonElement> PatchOkAsync(string id, string json)
    {
        using var response = await app.SendAsync(HttpMethod.Patch, $"{Route}/{id}", json);
        return await JsonAsync(response, HttpStatusCode.OK);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
