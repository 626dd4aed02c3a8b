using Checkout.Workflows.Orchestration;

namespace Checkout.Workflows.Tests.Serialization;

public sealed class EmbeddedJsonConverterTests
{
    private const string Events = """[{"type":"CustomsScreened","event":{"flags":[],"at":"2026-12-04T06:14:40+00:00"}}]""";

    [Fact]
    public void JsonText_IsWrittenInPlace_AndReadsBackAsTheSameText()
    {
        var json = CheckoutJson.Write(new AssessmentOutcome(Events, 3, "W/\"1\""));

        Assert.Equal($$"""{"events":{{Events}},"recordedSequence":3,"recordedETag":"W/\u00221\u0022"}""", json);
        Assert.Equal(new AssessmentOutcome(Events, 3, "W/\"1\""), CheckoutJson.Read<AssessmentOutcome>(json));
    }

    [Fact]
    public void JsonText_WrittenAsAStringBefore_StillReads()
    {
        var before = $$"""{"events":{{System.Text.Json.JsonSerializer.Serialize(Events)}},"recordedSequence":3}""";

        Assert.Equal(new AssessmentOutcome(Events, 3), CheckoutJson.Read<AssessmentOutcome>(before));
    }

    [Fact]
    public void NotJson_IsRefusedWhenWritten()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => CheckoutJson.Write(new AssessmentOutcome("[{\"type\":", 3)));
    }
}
