using System.Net;
using Azure.Data.Tables;
using Checkout.Functions.Api;
using Checkout.Workflows;

namespace Checkout.Functions.Tests.Api;

/// <summary>API keys: required everywhere but health, stored hashed, and a merchant sees only its own checkouts.</summary>
public sealed class AuthTests(ApiApp app) : IClassFixture<ApiApp>
{
    public static TheoryData<string, string> Routes => new()
    {
        { "POST", "/api/checkouts" },
        { "GET", "/api/checkouts/co_abc" },
        { "GET", "/api/checkouts" },
        { "GET", "/api/checkouts?status=bogus" },
        { "POST", "/api/checkouts/co_abc/confirm" },
        { "POST", "/api/checkouts/co_abc/cancel" },
        { "POST", "/api/estimates" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Request_NoKey_Answers401(string method, string path)
    {
        var before = await app.WrittenRowsAsync();
        using var response = await app.SendAsync(new HttpMethod(method), path, method == "POST" ? SampleRequests.Checkout : null, key: null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(before, await app.WrittenRowsAsync());
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData(ApiApp.DevKey + "x")]
    [InlineData("ck_0123456789abcdef_notarealsecret")]
    public async Task Request_WrongKey_Answers401(string key)
    {
        var before = await app.WrittenRowsAsync();
        using var response = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.Checkout, key: key);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(before, await app.WrittenRowsAsync());
    }

    [Fact]
    public async Task Request_XApiKeyHeader_IsAccepted()
    {
        using var request = ApiApp.Request(HttpMethod.Get, "/api/checkouts/co_unknown", key: null);
        request.Headers.Add("x-api-key", ApiApp.DevKey);

        using var response = await app.Http.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task KeyStore_StoresOnlyASaltedHash()
    {
        var rows = new Dictionary<string, string>();
        await foreach (var row in app.Tables.GetTableClient("t" + app.Prefix + "merchants").QueryAsync<TableEntity>())
        {
            rows[row.RowKey] = string.Join("|", row.Keys.Select(k => $"{k}={Text(row[k])}"));
        }

        var dev = rows["dev"];
        Assert.Contains("Salt=", dev, StringComparison.Ordinal);
        Assert.Contains("Hash=", dev, StringComparison.Ordinal);
        Assert.All(rows.Values, row => Assert.DoesNotContain(ApiApp.DevKey, row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OtherMerchantsCheckout_Answers404ExactlyLikeAnUnknownId()
    {
        var id = await CheckoutPolling.StartAsync(app, SampleRequests.Checkout);
        var keys = new MerchantKeyStore(app.Tables, new ApiTables(new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix }));
        var otherKey = await keys.CreateKeyAsync("merchant-b", CancellationToken.None);

        using var other = await app.SendAsync(HttpMethod.Get, $"/api/checkouts/{id}", key: otherKey);
        using var unknown = await app.SendAsync(HttpMethod.Get, "/api/checkouts/co_0000000000000000000000000000000", key: otherKey);
        using var cancel = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{id}/cancel", """{"reason":"not mine"}""", key: otherKey);
        using var own = await app.SendAsync(HttpMethod.Get, $"/api/checkouts/{id}");

        var otherProblem = await ProblemAssert.IsProblemAsync(other, HttpStatusCode.NotFound, "not-found");
        var unknownProblem = await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(unknownProblem.GetProperty("title").GetString(), otherProblem.GetProperty("title").GetString());
        await ProblemAssert.IsProblemAsync(cancel, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.Accepted, own.StatusCode);
        var (_, state) = await CheckoutPolling.GetAsync(app, id);
        Assert.NotEqual("canceled", state.GetProperty("status").GetString());
    }

    private static string Text(object? value) => value switch
    {
        byte[] bytes => Convert.ToBase64String(bytes),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
