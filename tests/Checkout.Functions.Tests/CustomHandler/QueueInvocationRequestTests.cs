using Checkout.Functions.Hosting.CustomHandler;

namespace Checkout.Functions.Tests.CustomHandler;

/// <summary>The shapes in which the host may hand over a queue message (reference/azure-platform.md 1.3).</summary>
public sealed class QueueInvocationRequestTests
{
    private const string Metadata = """
        "Metadata": { "DequeueCount": 2, "ExpirationTime": "2019-10-16T17:58:31+00:00", "Id": "800ae4b3-bdd2-4c08-badd-f08e5a34b865",
          "InsertionTime": "2019-10-09T17:58:31+00:00", "NextVisibleTime": "2019-10-09T18:08:32+00:00",
          "PopReceipt": "AgAAAAMAAAAAAAAAAgtnj8x+1QE=", "sys": { "MethodName": "QueueTrigger", "UtcNow": "2019-10-09T17:58:32.2205399Z" } }
        """;

    [Theory]
    [InlineData("\"{ message: \\\"Message sent\\\" }\"", "{ message: \"Message sent\" }")]
    [InlineData("\"\\\"{\\\\\\\"step\\\\\\\":\\\\\\\"capture\\\\\\\"}\\\"\"", "{\"step\":\"capture\"}")]
    [InlineData("{ \"step\": \"capture\" }", "{ \"step\": \"capture\" }")]
    [InlineData("\"\\\"a\\\" and \\\"b\\\"\"", "\"a\" and \"b\"")]
    public void Parse_HostPayload_YieldsTheEnqueuedText(string dataValue, string expected)
    {
        var message = QueueInvocationRequest.Parse($$"""{ "Data": { "message": {{dataValue}} }, {{Metadata}} }""", "message");

        Assert.Equal(expected, message.Text);
        Assert.Equal(2, message.DequeueCount);
        Assert.Equal("800ae4b3-bdd2-4c08-badd-f08e5a34b865", message.Id);
        Assert.Equal(new DateTimeOffset(2019, 10, 9, 17, 58, 31, TimeSpan.Zero), message.InsertionTime);
        Assert.Equal("AgAAAAMAAAAAAAAAAgtnj8x+1QE=", message.PopReceipt);
    }

    [Fact]
    public void Parse_DocExampleBindingName_ReadsTheLoneDataEntry()
    {
        var message = QueueInvocationRequest.Parse($$"""{ "Data": { "myQueueItem": "hello" }, {{Metadata}} }""", "message");

        Assert.Equal("hello", message.Text);
    }

    [Theory]
    [InlineData("""{ "Data": { "message": "x" } }""")]
    [InlineData("""{ "Data": { "message": "x" }, "Metadata": { "Id": "1" } }""")]
    [InlineData("""{ "Data": { "message": "x" }, "Metadata": { "Id": "1", "DequeueCount": 0 } }""")]
    [InlineData("""{ "Data": { "message": 42 }, "Metadata": { "Id": "1", "DequeueCount": 1 } }""")]
    [InlineData("""not json""")]
    public void Parse_NotAHostInvocation_ThrowsFormatException(string body)
    {
        Assert.Throws<FormatException>(() => QueueInvocationRequest.Parse(body, "message"));
    }
}
