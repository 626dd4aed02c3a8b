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

    [Theory]
    [InlineData("""{"payment":{"token":"tok_sandbox_success"}}""", "card", "tok_sandbox_success")]
    [InlineData("""{"payment":{"method":"card","token":"tok_sandbox_success"}}""", "card", "tok_sandbox_success")]
    [InlineData("""{"payment":{"method":"alipay"}}""", "alipay", "")]
    [InlineData("""{"payment":{"method":"wechat_pay"}}""", "wechat_pay", "")]
    public void RetryPaymentRequest_HoldsTheBodyThePaymentRetryAccepts(string body, string method, string token)
    {
        var root = JsonDocument.Parse(body).RootElement;
        var reader = new FieldReader(root);

        var request = JsonSerializer.Deserialize<RetryPaymentRequest>(body, Strict)!;
        var payment = CartRequestParser.Payment(reader, root)!;

        Assert.Equal(token, request.Payment.Token ?? string.Empty);
        Assert.Equal((method, token), (Domain.Payments.PaymentMethodTypes.ToWire(payment.Method), payment.Token));
        Assert.Null(reader.Problem());
    }
}
