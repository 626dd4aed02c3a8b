using System.Text.Json;
using System.Text.Json.Serialization;
using Checkout.Functions.Api;
using Checkout.Functions.Api.Contracts;
using Checkout.Functions.Tests.Api;

namespace Checkout.Functions.Tests.OpenApi;

/// <summary>The request schemas document what <see cref="CartRequestParser"/> reads. The API parses bodies itself, so
/// these check that the documented contracts hold the samples the API accepts, with no member left over.</summary>
public sealed class RequestContractTests
{
    private static readonly JsonSerializerOptions Strict = new(ApiJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    [Fact]
    public void StartCheckoutRequest_HoldsTheSampleTheApiAccepts()
    {
        var request = JsonSerializer.Deserialize<StartCheckoutRequest>(SampleRequests.Checkout, Strict)!;

        Assert.Equal("PKR", request.PresentmentCurrency);
        Assert.Equal(1250, request.Items[0].UnitPrice.Value);
        Assert.Equal("tok_sandbox_success", request.Payment.Token);
        Assert.Null(CartRequestParser.Parse(JsonDocument.Parse(SampleRequests.Checkout).RootElement, requirePayment: true).Problem);
    }

    [Fact]
    public void EstimateRequest_HoldsTheSampleWithoutPayment()
    {
        var body = SampleRequests.With("payment", null);

        var request = JsonSerializer.Deserialize<EstimateRequest>(body, Strict)!;

        Assert.Equal("DDP", request.Incoterm);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<EstimateRequest>(SampleRequests.Checkout, Strict));
    }

    [Fact]
    public void RetryPaymentRequest_HoldsTheBodyThePaymentRetryAccepts()
    {
        const string Body = """{"payment":{"token":"tok_sandbox_success"}}""";
        var root = JsonDocument.Parse(Body).RootElement;
        var reader = new FieldReader(root);

        var request = JsonSerializer.Deserialize<RetryPaymentRequest>(Body, Strict)!;

        Assert.Equal("tok_sandbox_success", request.Payment.Token);
        Assert.Equal("tok_sandbox_success", CartRequestParser.PaymentToken(reader, root));
        Assert.Null(reader.Problem());
    }
}
