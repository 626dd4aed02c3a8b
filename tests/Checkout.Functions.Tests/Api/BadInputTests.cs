using System.Net;
using System.Text;
using System.Text.Json;

namespace Checkout.Functions.Tests.Api;

/// <summary>Every bad request answers a problem naming what is wrong, never a 500, and writes nothing. The app is
/// shared by the class and no test here writes, so the tables must stay empty.</summary>
public sealed class BadInputTests(ApiApp app) : IClassFixture<ApiApp>
{
    public static TheoryData<string, string?, int, string> BadFields => new()
    {
        { "merchantReference", null, 422, "#/merchantReference" },
        { "merchantReference", "\"\"", 422, "#/merchantReference" },
        { "merchantReference", "5", 422, "#/merchantReference" },
        { "merchantReference", "\"" + new string('r', 101) + "\"", 422, "#/merchantReference" },
        { "presentmentCurrency", null, 422, "#/presentmentCurrency" },
        { "presentmentCurrency", "\"XXX\"", 422, "#/presentmentCurrency" },
        { "presentmentCurrency", "\"pkr\"", 422, "#/presentmentCurrency" },
        { "presentmentCurrency", "\"BGN\"", 422, "#/presentmentCurrency" },
        { "incoterm", "\"FOB\"", 422, "#/incoterm" },
        { "incoterm", null, 422, "#/incoterm" },
        { "buyer", null, 422, "#/buyer" },
        { "buyer", "\"PK\"", 422, "#/buyer" },
        { "buyer/country", "\"XX\"", 422, "#/buyer/country" },
        { "buyer/country", "\"pk\"", 422, "#/buyer/country" },
        { "buyer/country", null, 422, "#/buyer/country" },
        { "buyer/postalCode", "54000", 422, "#/buyer/postalCode" },
        { "buyer/email", "7", 422, "#/buyer/email" },
        { "shipFrom/country", "\"ZZ\"", 422, "#/shipFrom/country" },
        { "items", null, 422, "#/items" },
        { "items", "[]", 422, "#/items" },
        { "items", "{}", 422, "#/items" },
        { "items/0", "\"TS-1\"", 422, "#/items/0" },
        { "items/0/sku", null, 422, "#/items/0/sku" },
        { "items/0/description", "\"   \"", 422, "#/items/0/description" },
        { "items/0/hsCode", "\"ABCDEF\"", 422, "#/items/0/hsCode" },
        { "items/0/hsCode", "\"61\"", 422, "#/items/0/hsCode" },
        { "items/0/originCountry", "\"QQ\"", 422, "#/items/0/originCountry" },
        { "items/0/unitPrice", null, 422, "#/items/0/unitPrice" },
        { "items/0/unitPrice/value", "-1", 422, "#/items/0/unitPrice/value" },
        { "items/0/unitPrice/value", "12.5", 422, "#/items/0/unitPrice/value" },
        { "items/0/unitPrice/value", "99999999999999999999999", 422, "#/items/0/unitPrice/value" },
        { "items/0/unitPrice/value", "1000000000001", 422, "#/items/0/unitPrice/value" },
        { "items/0/unitPrice/value", "\"1250\"", 422, "#/items/0/unitPrice/value" },
        { "items/0/unitPrice/currency", "\"ABC\"", 422, "#/items/0/unitPrice/currency" },
        { "items/0/unitPrice/currency", null, 422, "#/items/0/unitPrice/currency" },
        { "items/0/quantity", "0", 422, "#/items/0/quantity" },
        { "items/0/quantity", "-2", 422, "#/items/0/quantity" },
        { "items/0/quantity", "1000000", 422, "#/items/0/quantity" },
        { "items/0/quantity", "2.5", 422, "#/items/0/quantity" },
        { "items/0/quantity", "1e40", 422, "#/items/0/quantity" },
        { "items/0/weightGrams", "0", 422, "#/items/0/weightGrams" },
        { "items/0/dimensionsCm", null, 422, "#/items/0/dimensionsCm" },
        { "items/0/dimensionsCm/length", "0", 422, "#/items/0/dimensionsCm/length" },
        { "items/0/dimensionsCm/height", "-3", 422, "#/items/0/dimensionsCm/height" },
        { "items/0/dangerousGoods", "\"battery\"", 422, "#/items/0/dangerousGoods" },
        { "shipping/preference", "\"slowest\"", 422, "#/shipping/preference" },
        { "payment", null, 422, "#/payment" },
        { "payment/token", "\"\"", 422, "#/payment/token" },
        { "payment/token", "42", 422, "#/payment/token" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task StartCheckout_BadField_Answers422NamingTheFieldAndWritesNothing(string path, string? json, int status, string field)
    {
        using var response = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.With(path, json), idempotencyKey: Guid.NewGuid().ToString());

        var problem = await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)status, "validation");
        Assert.Contains(field, ProblemAssert.Pointers(problem));
        Assert.Equal(0, await app.WrittenRowsAsync());
    }

    [Fact]
    public async Task StartCheckout_TooManyItems_Answers422AndWritesNothing()
    {
        using var response = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.ManyItems(101));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "validation");
        Assert.Contains("#/items", ProblemAssert.Pointers(problem));
        Assert.Equal(0, await app.WrittenRowsAsync());
    }

    [Fact]
    public async Task StartCheckout_SeveralBadFields_NamesEveryOne()
    {
        var body = SampleRequests.With("buyer/country", "\"XX\"").Replace("\"quantity\":2", "\"quantity\":0", StringComparison.Ordinal);

        using var response = await app.SendAsync(HttpMethod.Post, "/api/checkouts", body);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "validation");
        Assert.Equal(["#/buyer/country", "#/items/0/quantity"], ProblemAssert.Pointers(problem).Order(StringComparer.Ordinal));
        Assert.Equal(0, await app.WrittenRowsAsync());
    }

    public static TheoryData<string, string> UnknownFields => new()
    {
        { "nickname", "#/nickname" },
        { "buyer/nickname", "#/buyer/nickname" },
        { "shipFrom/city", "#/shipFrom/city" },
        { "items/0/colour", "#/items/0/colour" },
        { "items/0/unitPrice/taxIncluded", "#/items/0/unitPrice/taxIncluded" },
        { "items/0/dimensionsCm/depth", "#/items/0/dimensionsCm/depth" },
        { "shipping/carrier", "#/shipping/carrier" },
        { "payment/cvc", "#/payment/cvc" },
        { "MerchantReference", "#/MerchantReference" },
    };

    [Theory]
    [MemberData(nameof(UnknownFields))]
    public async Task StartCheckout_UnknownField_Answers400NamingItAndWritesNothing(string path, string field)
    {
        using var response = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.With(path, "\"x\""), idempotencyKey: Guid.NewGuid().ToString());

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "unknown-field");
        Assert.Equal([field], ProblemAssert.Pointers(problem));
        Assert.Equal("Unknown field; this endpoint does not accept it.", problem.GetProperty("errors")[0].GetProperty("detail").GetString());
        Assert.Equal(0, await app.WrittenRowsAsync());
    }

    [Fact]
    public async Task StartCheckout_UnknownFieldsBesideABadOne_NamesEveryUnknownOneAtOnceAndListsNoCheckout()
    {
        var body = SampleRequests.Parse();
        body["coupon"] = "SAVE10";
        body["buyer"]!["nickname"] = "Ali";
        body["buyer"]!["country"] = "XX";
        body["items"]![0]!["gift/wrap"] = true;

        using var response = await app.SendAsync(HttpMethod.Post, "/api/checkouts", body.ToJsonString(), idempotencyKey: Guid.NewGuid().ToString());

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "unknown-field");
        Assert.Equal(["#/buyer/nickname", "#/coupon", "#/items/0/gift~1wrap"], ProblemAssert.Pointers(problem).Order(StringComparer.Ordinal));
        Assert.Equal(0, await app.WrittenRowsAsync());
        using var list = await app.SendAsync(HttpMethod.Get, "/api/checkouts");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Empty(JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.GetProperty("data").EnumerateArray());
    }

    public static TheoryData<string, string, int, string> BadBodies => new()
    {
        { "/api/checkouts", "{", 400, "malformed-json" },
        { "/api/checkouts", "", 400, "malformed-json" },
        { "/api/checkouts", "[1, 2]", 400, "malformed-json" },
        { "/api/checkouts", "null", 400, "malformed-json" },
        { "/api/checkouts", "{\"merchantReference\": \"a\",}", 400, "malformed-json" },
        { "/api/estimates", "{\"items\": [", 400, "malformed-json" },
        { "/api/checkouts/co_x/confirm", "{", 400, "malformed-json" },
        { "/api/checkouts/co_x/confirm", "{}", 422, "validation" },
        { "/api/checkouts/co_x/confirm", "{\"quoteId\": 12}", 422, "validation" },
        { "/api/checkouts/co_x/cancel", "{\"reason\": \"\"}", 422, "validation" },
        { "/api/checkouts/co_x/confirm", "{\"quoteId\": \"q\", \"force\": true}", 400, "unknown-field" },
        { "/api/checkouts/co_x/cancel", "{\"reason\": \"\", \"refund\": {}}", 400, "unknown-field" },
        { "/api/checkouts/co_x/confirm", "{\"quoteId\": \"q\"}", 404, "not-found" },
        { "/api/estimates", SampleRequests.Checkout, 400, "unknown-field" },
        { "/api/payouts/co_x-payout/retry", "{\"force\": true}", 400, "unknown-field" },
        { "/api/payouts/co_x-payout/retry", "{}", 404, "not-found" },
        { "/api/payouts/co_x-payout/retry", "{", 400, "malformed-json" },
        { "/api/webhook-deliveries/wd_x/redeliver", "{\"now\": true}", 400, "unknown-field" },
        { "/api/webhook-endpoints", "{\"url\": \"https://hooks.example.com/x\", \"secret\": \"mine\"}", 400, "unknown-field" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_BadBody_AnswersProblemAndWritesNothing(string path, string body, int status, string slug)
    {
        using var response = await app.SendAsync(HttpMethod.Post, path, body);

        await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)status, slug);
        Assert.Equal(0, await app.WrittenRowsAsync());
    }

    [Fact]
    public async Task SetPayoutDestination_UnknownField_Answers400AndChangesNothing()
    {
        using var before = await app.SendAsync(HttpMethod.Get, "/api/payout-destination");

        using var response = await app.SendAsync(HttpMethod.Put, "/api/payout-destination",
            """{"accountHolderName":"Shenzhen Tees Ltd","accountNumber":"000123456789","country":"US","currency":"USD","routingNumber":"110000000","swift":"DEUTDEFF"}""");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "unknown-field");
        Assert.Equal(["#/swift"], ProblemAssert.Pointers(problem));
        using var after = await app.SendAsync(HttpMethod.Get, "/api/payout-destination");
        Assert.Equal(await before.Content.ReadAsStringAsync(), await after.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string, string> UnknownParameters => new()
    {
        { "GET", "/api/checkouts?limit=2&sort=createdAt", "sort" },
        { "GET", "/api/checkouts/co_x?showHistory=true&verbose=1", "verbose" },
        { "GET", "/api/webhook-deliveries?limit=2&page=3", "page" },
        { "GET", "/api/payouts?limit=1&offset=5", "offset" },
        { "GET", "/api/checkouts/co_x/refunds?limit=2&sort=amount", "sort" },
        { "GET", "/api/checkouts/co_x/refunds/co_x-r1?expand=ledger", "expand" },
        { "GET", "/api/balances?currency=USD", "currency" },
        { "GET", "/api/webhook-endpoints?expand=secret", "expand" },
        { "GET", "/api/payout-destination?unmask=true", "unmask" },
        { "POST", "/api/checkouts?dryRun=true", "dryRun" },
        { "POST", "/api/estimates?currency=EUR", "currency" },
    };

    [Theory]
    [MemberData(nameof(UnknownParameters))]
    public async Task Request_UnknownQueryParameter_Answers400NamingItAndWritesNothing(string method, string path, string parameter)
    {
        using var response = await app.SendAsync(new HttpMethod(method), path, method == "POST" ? SampleRequests.Checkout : null);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-query");
        Assert.Equal([parameter], ProblemAssert.Pointers(problem));
        Assert.Equal("Unknown parameter; this endpoint does not accept it.", problem.GetProperty("errors")[0].GetProperty("detail").GetString());
        Assert.Equal(0, await app.WrittenRowsAsync());
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("1")]
    [InlineData("")]
    public async Task GetCheckout_ShowHistoryNotABoolean_Answers400NamingIt(string value)
    {
        using var response = await app.SendAsync(HttpMethod.Get, "/api/checkouts/co_x?showHistory=" + value);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-query");
        Assert.Equal(["showHistory"], ProblemAssert.Pointers(problem));
    }

    [Fact]
    public async Task ListCheckouts_UnknownAndBadParameters_NamesEveryOne()
    {
        using var response = await app.SendAsync(HttpMethod.Get, "/api/checkouts?limit=0&sort=createdAt&status=bogus&filter");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-query");
        Assert.Equal(["filter", "limit", "sort", "status"], ProblemAssert.Pointers(problem).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task StartCheckout_WrongContentType_Answers415(string contentType)
    {
        using var request = ApiApp.Request(HttpMethod.Post, "/api/checkouts");
        request.Content = new StringContent(SampleRequests.Checkout, Encoding.UTF8, contentType);

        using var response = await app.Http.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Equal(0, await app.WrittenRowsAsync());
    }

    [Fact]
    public async Task StartCheckout_NoContentType_Answers415()
    {
        using var request = ApiApp.Request(HttpMethod.Post, "/api/checkouts");
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(SampleRequests.Checkout));

        using var response = await app.Http.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Equal(0, await app.WrittenRowsAsync());
    }

    [Fact]
    public async Task StartCheckout_BodyOver256KiB_Answers413()
    {
        var body = SampleRequests.With("merchantReference", "\"" + new string('x', 300 * 1024) + "\"");

        using var response = await app.SendAsync(HttpMethod.Post, "/api/checkouts", body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Equal(0, await app.WrittenRowsAsync());
    }

    [Fact]
    public async Task StartCheckout_ChunkedBodyOver256KiB_Answers413()
    {
        using var request = ApiApp.Request(HttpMethod.Post, "/api/checkouts");
        var bytes = Encoding.UTF8.GetBytes(SampleRequests.With("merchantReference", "\"" + new string('x', 300 * 1024) + "\""));
        request.Content = new StreamContent(new MemoryStream(bytes));
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await app.Http.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Equal(0, await app.WrittenRowsAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("\"\"")]
    public async Task StartCheckout_InvalidIdempotencyKey_Answers400(string key)
    {
        using var request = ApiApp.Request(HttpMethod.Post, "/api/checkouts", SampleRequests.Checkout);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        using var response = await app.Http.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "idempotency-key-invalid");
        Assert.Equal(0, await app.WrittenRowsAsync());
    }

    [Fact]
    public async Task StartCheckout_IdempotencyKeyTooLong_Answers400()
    {
        using var response = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.Checkout, idempotencyKey: new string('k', 256));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "idempotency-key-invalid");
        Assert.Equal(0, await app.WrittenRowsAsync());
    }
}
