using System.Net;
using System.Text.Json;
using Checkout.Functions.Api;
using Checkout.Testing;
using Checkout.Workflows;

namespace Checkout.Functions.Tests.Api;

/// <summary><c>GET /api/checkouts</c>: a merchant's checkouts only, paged by x-ms-continuation-token, filtered by status
/// and creation time. Each test lists for merchants of its own, so the shared app's other checkouts never show.</summary>
public sealed class ListCheckoutsTests(ApiApp app) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task List_TopTwo_PagesThroughEveryCheckoutOfTheMerchantOnceAndNoOtherMerchants()
    {
        var (merchant, other) = (await NewMerchantKeyAsync(), await NewMerchantKeyAsync());
        var started = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            started.Add(await StartAsync(merchant, $"list-{i}"));
        }

        var othersCheckout = await StartAsync(other, "other-merchant");

        var pages = await ListAllAsync(merchant, "?top=2");

        Assert.All(pages, page => Assert.True(page.Count <= 2, $"a page of {page.Count} for top=2"));
        var listed = pages.SelectMany(p => p).ToList();
        Assert.Equal(started.Order(StringComparer.Ordinal), listed.Select(c => c.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(othersCheckout, listed.Select(c => c.GetProperty("id").GetString()));
        var first = listed.Single(c => c.GetProperty("id").GetString() == started[0]);
        Assert.Equal("list-0", first.GetProperty("merchantReference").GetString());
        Assert.EndsWith("/api/checkouts/" + started[0], first.GetProperty("statusQueryGetUri").GetString(), StringComparison.Ordinal);
        Assert.Equal([othersCheckout], (await ListAllAsync(other, string.Empty)).SelectMany(p => p).Select(c => c.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task List_MerchantReference_FindsExactlyTheCheckoutsStartedWithIt()
    {
        var (merchant, other) = (await NewMerchantKeyAsync(), await NewMerchantKeyAsync());
        const string odd = "order/7#1?x";
        var first = await StartAsync(merchant, "order-7");
        var again = await StartAsync(merchant, "order-7");
        var prefixed = await StartAsync(merchant, "order-70");
        var oddOne = await StartAsync(merchant, odd);
        await StartAsync(other, "order-7");

        Assert.Equal(new[] { first, again }.Order(StringComparer.Ordinal), (await IdsAsync(merchant, "?merchantReference=order-7")).Order(StringComparer.Ordinal));
        Assert.Equal([prefixed], await IdsAsync(merchant, "?merchantReference=order-70"));
        Assert.Equal([oddOne], await IdsAsync(merchant, "?merchantReference=" + Uri.EscapeDataString(odd)));
        Assert.Empty(await IdsAsync(merchant, "?merchantReference=ORDER-7"));
        Assert.Empty(await IdsAsync(merchant, "?merchantReference=order-7&status=completed"));
        // The plain list holds the four checkouts and nothing of the reference index beside them.
        Assert.Equal(new[] { first, again, prefixed, oddOne }.Order(StringComparer.Ordinal), (await IdsAsync(merchant, string.Empty)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task List_StatusFilter_ReturnsOnlyCheckoutsInThoseStatuses()
    {
        var merchant = await NewMerchantKeyAsync();
        var kept = await StartAsync(merchant, "kept");
        var canceled = await StartAsync(merchant, "canceled");
        await UntilListedStatusAsync(merchant, kept, "awaiting_confirmation");
        await UntilListedStatusAsync(merchant, canceled, "awaiting_confirmation");
        using (var cancel = await app.SendAsync(HttpMethod.Post, $"/api/checkouts/{canceled}/cancel", """{"reason":"buyer left"}""", key: merchant))
        {
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        }

        await UntilListedStatusAsync(merchant, canceled, "canceled");

        Assert.Equal([canceled], await IdsAsync(merchant, "?status=canceled"));
        Assert.Equal([kept], await IdsAsync(merchant, "?status=awaiting_confirmation"));
        Assert.Equal(new[] { kept, canceled }.Order(StringComparer.Ordinal), (await IdsAsync(merchant, "?status=canceled,awaiting_confirmation")).Order(StringComparer.Ordinal));
        Assert.Empty(await IdsAsync(merchant, "?status=completed"));
    }

    [Fact]
    public async Task List_CreatedRange_IncludesFromExcludesTo()
    {
        var merchant = await NewMerchantKeyAsync();
        var id = await StartAsync(merchant, "dated");
        var created = (await IdsWithBodiesAsync(merchant, string.Empty)).Single().GetProperty("createdTime").GetDateTimeOffset();

        Assert.Equal([id], await IdsAsync(merchant, $"?createdFrom={Iso(created)}&createdTo={Iso(created.AddSeconds(1))}"));
        Assert.Empty(await IdsAsync(merchant, $"?createdFrom={Iso(created.AddSeconds(1))}"));
        Assert.Empty(await IdsAsync(merchant, $"?createdTo={Iso(created)}"));
    }

    public static TheoryData<string, string> BadFilters => new()
    {
        { "?status=bogus", "status" },
        { "?status=COMPLETED", "status" },
        { "?status=completed,", "status" },
        { "?status=completed&status=canceled", "status" },
        { "?createdFrom=yesterday", "createdFrom" },
        { "?createdFrom=2026-13-01T00:00:00Z", "createdFrom" },
        { "?createdFrom=1500-01-01T00:00:00Z", "createdFrom" },
        { "?createdTo=", "createdTo" },
        { "?createdFrom=2026-11-22T00:00:00Z&createdTo=2026-11-21T00:00:00Z", "createdTo" },
        { "?createdFrom=2026-11-22T00:00:00Z&createdTo=2026-11-22T00:00:00Z", "createdTo" },
        { "?top=0", "top" },
        { "?merchantReference=", "merchantReference" },
        { "?merchantReference=" + new string('r', 101), "merchantReference" },
        { "?merchantReference=a&merchantReference=b", "merchantReference" },
        { "?top=101", "top" },
        { "?top=-1", "top" },
        { "?top=ten", "top" },
        { "?top=2.5", "top" },
        { "?top=99999999999", "top" },
        { "?continuationToken=", "continuationToken" },
        { "?continuationToken=not-base64!", "continuationToken" },
        { "?continuationToken=bm90IGpzb24%3D", "continuationToken" },
        { "?continuationToken=" + "eyJ4Ijox" + "fQ%3D%3D", "continuationToken" },
        { "?colour=red", "colour" },
        { "?top=2&orderBy=createdTime", "orderBy" },
    };

    [Theory]
    [MemberData(nameof(BadFilters))]
    public async Task List_BadFilter_Answers400NamingTheParameterAndWritesNothing(string query, string parameter)
    {
        var before = await app.WrittenRowsAsync();

        using var response = await app.SendAsync(HttpMethod.Get, "/api/checkouts" + query);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-query");
        Assert.Contains(parameter, ProblemAssert.Pointers(problem));
        Assert.Equal(before, await app.WrittenRowsAsync());
    }

    [Fact]
    public async Task List_HeaderAndQueryTokensDisagree_Answers400()
    {
        using var request = ApiApp.Request(HttpMethod.Get, "/api/checkouts?continuationToken=" + Uri.EscapeDataString(Token("a")));
        request.Headers.Add(CheckoutListQueryParser.ContinuationHeader, Token("b"));

        using var response = await app.Http.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-query");
        Assert.Equal(["continuationToken"], ProblemAssert.Pointers(problem));
    }

    private static string Token(string partition) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new { nextPartitionKey = partition, nextRowKey = "state" }));

    private static string Iso(DateTimeOffset time) => Uri.EscapeDataString(time.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    private async Task<string> NewMerchantKeyAsync()
    {
        var keys = new MerchantKeyStore(app.Tables, new ApiTables(new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix }));
        return await keys.CreateKeyAsync("m-" + Guid.NewGuid().ToString("N")[..12], CancellationToken.None);
    }

    private async Task<string> StartAsync(string key, string reference)
    {
        using var response = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.With("merchantReference", $"\"{reference}\""), key: key);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Every page until no token comes back, alternating how the token is sent back (header, then query).</summary>
    private async Task<List<List<JsonElement>>> ListAllAsync(string key, string query)
    {
        var pages = new List<List<JsonElement>>();
        string? token = null;
        do
        {
            var separator = query.Length == 0 ? "?" : "&";
            var viaQuery = pages.Count % 2 == 1;
            var path = "/api/checkouts" + query + (token is not null && viaQuery ? separator + "continuationToken=" + Uri.EscapeDataString(token) : string.Empty);
            using var request = ApiApp.Request(HttpMethod.Get, path, key: key);
            if (token is not null && !viaQuery)
            {
                request.Headers.Add(CheckoutListQueryParser.ContinuationHeader, token);
            }

            using var response = await app.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            using var document = JsonDocument.Parse(text);
            pages.Add([.. document.RootElement.GetProperty("checkouts").EnumerateArray().Select(c => c.Clone())]);
            token = response.Headers.TryGetValues(CheckoutListQueryParser.ContinuationHeader, out var values) ? values.Single() : null;
            Assert.True(pages.Count < 100, "the list never ended");
        }
        while (token is not null);

        return pages;
    }

    private async Task<List<JsonElement>> IdsWithBodiesAsync(string key, string query) => [.. (await ListAllAsync(key, query)).SelectMany(p => p)];

    private async Task<List<string>> IdsAsync(string key, string query) =>
        [.. (await IdsWithBodiesAsync(key, query)).Select(c => c.GetProperty("id").GetString()!)];

    private Task<string?> UntilListedStatusAsync(string key, string id, string status) =>
        Eventually.UntilAsync(
            async () => (await IdsWithBodiesAsync(key, string.Empty)).Single(c => c.GetProperty("id").GetString() == id).GetProperty("status").GetString(),
            s => s == status,
            TimeSpan.FromSeconds(60),
            $"checkout {id} is listed as {status}");
}
