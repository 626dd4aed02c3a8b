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
    public async Task Estimate_SanctionedDestination_Answers422WithTheRejection()
    {
        using var response = await app.SendAsync(HttpMethod.Post, "/api/estimates", SampleRequests.With("buyer", """{"country":"KP"}"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "estimate-rejected");
        Assert.StartsWith("sanctions.", problem.GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WrittenRowsAsync());
    }
}
