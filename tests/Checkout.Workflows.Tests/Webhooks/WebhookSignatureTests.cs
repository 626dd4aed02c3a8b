using System.Text;
using Checkout.Workflows.Webhooks;

namespace Checkout.Workflows.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    // The Standard Webhooks specification's published test vector (standard-webhooks/standard-webhooks).
    private const string VectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string VectorId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long VectorTimestamp = 1614265330;
    private const string VectorBody = """{"test": 2432232314}""";
    private const string VectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    [Fact]
    public void Sign_PublishedTestVector_MatchesTheSpecification()
    {
        var signature = WebhookSignature.Sign(VectorSecret, VectorId, VectorTimestamp, Encoding.UTF8.GetBytes(VectorBody));

        Assert.Equal(VectorSignature, signature);
    }

    [Fact]
    public void Verify_PublishedTestVectorAmongOtherSignatures_Accepts()
    {
        var header = "v1,bm90LXRoaXMtb25l " + VectorSignature;

        Assert.True(WebhookSignature.Verify(VectorSecret, VectorId, VectorTimestamp, Encoding.UTF8.GetBytes(VectorBody), header));
    }

    [Theory]
    [InlineData(VectorId, VectorTimestamp + 1, VectorBody)]
    [InlineData("msg_other", VectorTimestamp, VectorBody)]
    [InlineData(VectorId, VectorTimestamp, """{"test": 2432232315}""")]
    public void Verify_AnyPartChanged_Refuses(string id, long timestamp, string body)
    {
        Assert.False(WebhookSignature.Verify(VectorSecret, id, timestamp, Encoding.UTF8.GetBytes(body), VectorSignature));
    }

    [Fact]
    public void NewSecret_IsWhsecWithA32ByteKeyAndDiffersEachTime()
    {
        var first = WebhookSignature.NewSecret();
        var second = WebhookSignature.NewSecret();

        Assert.StartsWith("whsec_", first, StringComparison.Ordinal);
        Assert.Equal(32, WebhookSignature.KeyOf(first).Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void KeyOf_SecretWithoutPrefix_Throws()
    {
        Assert.Throws<FormatException>(() => WebhookSignature.KeyOf("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
    }
}
