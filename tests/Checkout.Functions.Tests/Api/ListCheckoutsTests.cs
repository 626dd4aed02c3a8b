using System.Net;
using System.Text.Json;
using Checkout.Functions.Api;
using Checkout.Testing;
using Checkout.Workflows;

namespace Checkout.Functions.Tests.Api;

/// <summary><c>GET /api/checkouts</c>: a merchant's checkouts only, paged by limit and cursor (following nextCursor or the
/// Link header), filtered by status, creation time and reference. Each test lists for merchants of its own, so the shared app's other checkouts never show.</summary>
public sealed class ListCheckoutsTests(ApiApp app) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task List_LimitTwo_PagesThroughEveryCheckoutOfTheMerchantOnceAndNoOtherMerchants()
    {
        var (merchant, other) = (await NewMerchantKeyAsync(), await NewMerchantKeyAsync());
        var started = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            started.Add(await StartAsync(merchant, $"list-{i}"));
        }

        var othersCheckout = await StartAsync(other, "other-merchant");

        var pages = await ListAllAsync(merchant, "?limit=2");

        Assert.True(pages.Count >= 3, $"{pages.Count} pages of at most 2 for 5 checkouts");
        Assert.All(pages, page => Assert.True(page.Count <= 2, $"a page of {page.Count} for limit=2"));
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
        { "?limit=0", "limit" },
        { "?merchantReference=", "merchantReference" },
        { "?merchantReference=" + new string('r', 101), "merchantReference" },
        { "?merchantReference=a&merchantReference=b", "merchantReference" },
        { "?limit=101", "limit" },
        { "?limit=-1", "limit" },
        { "?limit=ten", "limit" },
        { "?limit=2.5", "limit" },
        { "?limit=99999999999", "limit" },
        { "?limit=1&limit=2", "limit" },
        { "?cursor=", "cursor" },
        { "?cursor=not-base64!", "cursor" },
        { "?cursor=bm90IGpzb24", "cursor" },
        { "?cursor=" + "eyJ4Ijox" + "fQ", "cursor" },
        { "?colour=red", "colour" },
        { "?limit=2&orderBy=createdTime", "orderBy" },

        // The old paging parameters are gone, not kept as a second way.
        { "?top=2", "top" },
        { "?continuationToken=eyJ4Ijox" + "fQ%3D%3D", "continuationToken" },
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
    public async Task List_CursorWithOtherFiltersOrFromAnotherList_Answers400NamingTheCursor()
    {
        var merchant = await NewMerchantKeyAsync();
        for (var i = 0; i < 3; i++)
        {
            await StartAsync(merchant, $"cursor-{i}");
        }

        const string Since = "createdFrom=2000-01-01T00:00:00Z";
        var cursor = Uri.EscapeDataString(await FirstCursorAsync(merchant, "/api/checkouts?limit=1&" + Since));
        var unfilteredCursor = Uri.EscapeDataString(await FirstCursorAsync(merchant, "/api/checkouts?limit=1"));
        var before = await app.WrittenRowsAsync();

        foreach (var path in new[]
        {
            "/api/checkouts?limit=1&createdFrom=2001-01-01T00:00:00Z&cursor=" + cursor,
            "/api/checkouts?limit=1&cursor=" + cursor,
            "/api/checkouts?limit=1&" + Since + "&cursor=" + unfilteredCursor,
            "/api/payouts?limit=1&cursor=" + cursor,
            "/api/webhook-deliveries?cursor=" + cursor,
            "/api/webhook-endpoints?cursor=" + cursor,
        })
        {
            using var response = await app.SendAsync(HttpMethod.Get, path, key: merchant);
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-query");
            Assert.Equal(["cursor"], ProblemAssert.Pointers(problem));
        }

        // Another merchant's cursor is refused as well: it was issued for that merchant's list.
        using var foreign = await app.SendAsync(HttpMethod.Get, "/api/checkouts?limit=1&cursor=" + unfilteredCursor, key: await NewMerchantKeyAsync());
        Assert.Equal(["cursor"], ProblemAssert.Pointers(await ProblemAssert.IsProblemAsync(foreign, HttpStatusCode.BadRequest, "invalid-query")));
        Assert.Equal(before, await app.WrittenRowsAsync());
    }

    [Fact]
    public async Task List_LinkHeader_IsAbsoluteKeepsFiltersAndLimitAndIsAbsentOnTheLastPage()
    {
        var merchant = await NewMerchantKeyAsync();
        var started = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            started.Add(await StartAsync(merchant, "linked"));
        }

        var seen = new List<string>();
        string? next = "/api/checkouts?merchantReference=linked&limit=2";
        var pages = 0;
        while (next is not null && pages++ < 10)
        {
            using var request = ApiApp.Request(HttpMethod.Get, "/", key: merchant);
            request.RequestUri = new Uri(next, UriKind.RelativeOrAbsolute);
            using var response = await app.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            using var body = JsonDocument.Parse(text);
            seen.AddRange(body.RootElement.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
            var cursor = body.RootElement.GetProperty("nextCursor");
            next = NextLink(response);
            if (next is null)
            {
                Assert.Equal(JsonValueKind.Null, cursor.ValueKind);
                break;
            }

            var link = new Uri(next);
            Assert.True(link.IsAbsoluteUri);
            Assert.Equal("/api/checkouts", link.AbsolutePath);
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
            Assert.Equal("linked", query["merchantReference"]);
            Assert.Equal("2", query["limit"]);
            Assert.Equal(cursor.GetString(), query["cursor"]);
        }

        Assert.Equal(started.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    /// <summary>The URL of the Link header's rel="next", or null when the header is absent.</summary>
    public static string? NextLink(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        var link = Assert.Single(values);
        Assert.EndsWith(">; rel=\"next\"", link, StringComparison.Ordinal);
        Assert.StartsWith("<", link, StringComparison.Ordinal);
        return link[1..link.IndexOf('>', StringComparison.Ordinal)];
    }

    private async Task<string> FirstCursorAsync(string key, string path)
    {
        using var response = await app.SendAsync(HttpMethod.Get, path, key: key);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("nextCursor").GetString() ?? throw new InvalidOperationException($"{path} gave no cursor");
    }

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

    /// <summary>Every page until nextCursor is null, alternating how the next page is asked for (the cursor parameter, then
    /// the Link header's URL); the Link header is there exactly while nextCursor is.</summary>
    private async Task<List<List<JsonElement>>> ListAllAsync(string key, string query)
    {
        var pages = new List<List<JsonElement>>();
        var path = "/api/checkouts" + query;
        while (true)
        {
            using var request = ApiApp.Request(HttpMethod.Get, "/", key: key);
            request.RequestUri = new Uri(path, UriKind.RelativeOrAbsolute);
            using var response = await app.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            using var document = JsonDocument.Parse(text);
            pages.Add([.. document.RootElement.GetProperty("data").EnumerateArray().Select(c => c.Clone())]);
            var cursor = document.RootElement.GetProperty("nextCursor").GetString();
            var link = NextLink(response);
            Assert.Equal(cursor is null, link is null);
            if (cursor is null)
            {
                return pages;
            }

            Assert.True(pages.Count < 100, "the list never ended");
            path = pages.Count % 2 == 1 ? "/api/checkouts" + query + (query.Length == 0 ? "?" : "&") + "cursor=" + Uri.EscapeDataString(cursor) : link!;
        }
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
