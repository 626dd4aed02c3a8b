using System.Net;
using System.Text.Json;

namespace Checkout.Functions.Tests.Api;

/// <summary><c>POST /api/estimates</c>: synchronous, no workflow, nothing written.</summary>
public sealed class EstimateTests(ApiApp app) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task Estimate_ValidCart_Answers200WithQuoteLandedCostAndOptionsAndWritesNothing()
    {
        using var response = await app.SendAsync(HttpMethod.Post, "/api/estimates", SampleRequests.With("payment", null));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var body = JsonDocument.Parse(text);
        var root = body.RootElement;
        Assert.Equal("PKR", root.GetProperty("quote").GetProperty("to").GetString());
        Assert.Equal("PKR", root.GetProperty("landedCost").GetProperty("total").GetProperty("currency").GetString());
        Assert.True(root.GetProperty("landedCost").GetProperty("total").GetProperty("value").GetInt64() > 0);
        Assert.NotEmpty(root.GetProperty("shippingOptions").EnumerateArray());
        Assert.Equal(0, await app.WrittenRowsAsync());
    }

    [Fact]
    public async Task Estimate_DapCart_IsAnEstimateWithTheImportChargesDueElsewhere()
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(SampleRequests.With("incoterm", "\"DAP\""))!.AsObject();
        body.Remove("payment");

        using var response = await app.SendAsync(HttpMethod.Post, "/api/estimates", body.ToJsonString());

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var json = JsonDocument.Parse(text);
        var cost = json.RootElement.GetProperty("landedCost");
        Assert.True(cost.GetProperty("isEstimate").GetBoolean());
        var elsewhere = cost.GetProperty("amountDueElsewhere").GetProperty("value").GetInt64();
        Assert.True(elsewhere > 0, "Pakistan's import charges under DAP are collected on delivery");
        Assert.Equal(
            cost.GetProperty("total").GetProperty("value").GetInt64(),
            cost.GetProperty("amountDueAtCheckout").GetProperty("value").GetInt64() + elsewhere);
    }

    [Fact]
    public async Task Estimate_SanctionedDestination_Answers422WithTheRejection()
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(SampleRequests.With("buyer", """{"country":"KP"}"""))!.AsObject();
        body.Remove("payment");

        using var response = await app.SendAsync(HttpMethod.Post, "/api/estimates", body.ToJsonString());

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "estimate-rejected");
        Assert.StartsWith("sanctions.", problem.GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WrittenRowsAsync());
    }

    [Theory]
    [InlineData("buyer", """{"country":"KP"}""", "sanctions.")]
    [InlineData("buyer", """{"country":"FR","postalCode":"7500"}""", "")]
    public async Task StartCheckout_CartTheEstimateRefuses_Answers422TheSameWayAndStartsNothing(string field, string json, string codePrefix)
    {
        var estimateBody = System.Text.Json.Nodes.JsonNode.Parse(SampleRequests.With(field, json))!.AsObject();
        estimateBody.Remove("payment");
        using var estimate = await app.SendAsync(HttpMethod.Post, "/api/estimates", estimateBody.ToJsonString());
        var refused = await ProblemAssert.IsProblemAsync(estimate, HttpStatusCode.UnprocessableEntity, "estimate-rejected");

        using var start = await app.SendAsync(HttpMethod.Post, "/api/checkouts", SampleRequests.With(field, json), idempotencyKey: "refused-" + Guid.NewGuid().ToString("N")[..8]);

        var problem = await ProblemAssert.IsProblemAsync(start, HttpStatusCode.UnprocessableEntity, "estimate-rejected");
        Assert.Equal(refused.GetProperty("code").GetString(), problem.GetProperty("code").GetString());
        Assert.StartsWith(codePrefix, problem.GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WrittenRowsAsync());
    }
}
