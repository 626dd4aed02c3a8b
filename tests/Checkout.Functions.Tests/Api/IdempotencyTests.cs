using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Checkout.Functions.Api;
using Checkout.Testing;
using Checkout.Workflows;
using Microsoft.AspNetCore.Http;

namespace Checkout.Functions.Tests.Api;

/// <summary>Idempotency-Key on POSTs, per the IETF draft: replay, 422 on a different body, 409 while in flight.</summary>
public sealed class IdempotencyTests(ApiApp app) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task Start_SameKeySameBody_ReplaysTheFirstResponseAndStartsOneCheckout()
    {
        var key = Guid.NewGuid().ToString();

        using var first = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.Checkout, idempotencyKey: key);
        using var second = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.Checkout, idempotencyKey: $"\"{key}\"");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.Headers.RetryAfter, second.Headers.RetryAfter);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var (code, _) = await CheckoutPolling.GetAsync(app, id);
        Assert.Equal(HttpStatusCode.Accepted, code);
    }

    [Fact]
    public async Task Start_SameKeySameMeaningReformatted_ReplaysMarkedIdempotentReplayed()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.Checkout, idempotencyKey: key);

        // The same request, its members in reverse order at every level, indented.
        var reordered = Reversed(JsonNode.Parse(SampleRequests.Checkout)!)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        Assert.NotEqual(SampleRequests.Checkout, reordered);
        using var second = await app.SendAsync(HttpMethod.Post, "/api/checkouts", reordered, idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(["true"], second.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Start_SameKeyDifferentBody_Answers422()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.Checkout, idempotencyKey: key);

        using var second = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.With("merchantReference", "\"order-2\""), idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
    }

    [Fact]
    public async Task Start_SameKeyWhileFirstInFlight_Answers409()
    {
        var key = Guid.NewGuid().ToString();
        var store = new IdempotencyStore(app.Tables, new ApiTables(new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix }), TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new IdempotencyOptions()), TestSecrets.Protector());
        var request = new DefaultHttpContext().Request;
        request.Method = "POST";
        request.Path = "/api/checkouts";
        var (outcome, _) = await store.BeginAsync("dev", key, IdempotencyStore.Fingerprint(request, Encoding.UTF8.GetBytes(SampleRequests.Checkout)), CancellationToken.None);
        Assert.Equal(IdempotencyOutcome.Proceed, outcome);

        using var response = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.Checkout, idempotencyKey: key);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "idempotency-key-in-flight");
    }

    [Fact]
    public async Task Start_SameKeyAfterValidationFailure_CanBeRetriedWithACorrectBody()
    {
        var key = Guid.NewGuid().ToString();
        using var bad = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.With("items/0/quantity", "0"), idempotencyKey: key);

        using var good = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.Checkout, idempotencyKey: key);

        await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.UnprocessableEntity, "validation");
        Assert.Equal(HttpStatusCode.Accepted, good.StatusCode);
    }

    [Fact]
    public async Task Start_SameKeyAfterUnknownField_CanBeRetriedWithoutIt()
    {
        var key = Guid.NewGuid().ToString();
        using var bad = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.With("buyer/nickname", "\"Ali\""), idempotencyKey: key);

        using var good = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.Checkout, idempotencyKey: key);

        await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest, "unknown-field");
        Assert.Equal(HttpStatusCode.Accepted, good.StatusCode);
    }

    [Fact]
    public async Task Start_SameKeyOtherMerchant_IsADifferentRequest()
    {
        var key = Guid.NewGuid().ToString();
        var keys = new MerchantKeyStore(app.Tables, new ApiTables(new CheckoutWorkflowOptions { ResourcePrefix = app.Prefix }));
        var otherKey = await keys.CreateKeyAsync("merchant-c", CancellationToken.None);

        using var mine = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.Checkout, idempotencyKey: key);
        using var theirs = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.Checkout, key: otherKey, idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Accepted, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, theirs.StatusCode);
        Assert.NotEqual(mine.Headers.Location, theirs.Headers.Location);
    }

    private static JsonNode? Reversed(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Reverse().Select(p => KeyValuePair.Create(p.Key, Reversed(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Reversed)]),
        _ => node?.DeepClone(),
    };
}
