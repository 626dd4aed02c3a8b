using System.Net;
using System.Text;
using Checkout.Storage;

namespace Checkout.Storage.Tests;

public sealed class StorageErrorReaderTests
{
    [Fact]
    public async Task CreateException_XmlBody_TakesCodeAndFirstMessageLine()
    {
        using var response = Response(HttpStatusCode.NotFound,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>QueueNotFound</Code><Message>The specified queue does not exist.\nRequestId:1\nTime:x</Message></Error>");

        var ex = await StoragePipeline.CreateExceptionAsync(response, "Queue.SendMessage", CancellationToken.None);

        Assert.Equal(404, ex.Status);
        Assert.Equal(StorageErrorCodes.QueueNotFound, ex.ErrorCode);
        Assert.Equal("The specified queue does not exist.", ex.ServiceMessage);
        Assert.Contains("Queue.SendMessage", ex.Message, StringComparison.Ordinal);
        Assert.Contains("404", ex.Message, StringComparison.Ordinal);
        Assert.Contains("QueueNotFound", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateException_JsonODataBody_TakesCodeAndMessageValue()
    {
        using var response = Response(HttpStatusCode.Conflict,
            "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"The specified entity already exists.\\nRequestId:2\"}}}");

        var ex = await StoragePipeline.CreateExceptionAsync(response, "Table.AddEntity", CancellationToken.None);

        Assert.Equal(409, ex.Status);
        Assert.Equal(StorageErrorCodes.EntityAlreadyExists, ex.ErrorCode);
        Assert.Equal("The specified entity already exists.", ex.ServiceMessage);
    }

    [Fact]
    public async Task CreateException_HeaderCode_WinsOverBody()
    {
        using var response = Response(HttpStatusCode.BadRequest, "<Error><Code>Other</Code><Message>m</Message></Error>");
        response.Headers.Add("x-ms-error-code", StorageErrorCodes.PopReceiptMismatch);

        var ex = await StoragePipeline.CreateExceptionAsync(response, "Queue.DeleteMessage", CancellationToken.None);

        Assert.Equal(StorageErrorCodes.PopReceiptMismatch, ex.ErrorCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml or json")]
    [InlineData("<Error><Code>unterminated")]
    [InlineData("{\"broken\":")]
    public async Task CreateException_UnreadableBody_StillGivesStatus(string body)
    {
        using var response = Response(HttpStatusCode.ServiceUnavailable, body);

        var ex = await StoragePipeline.CreateExceptionAsync(response, "Queue.ReceiveMessages", CancellationToken.None);

        Assert.Equal(503, ex.Status);
        Assert.Null(ex.ErrorCode);
        Assert.Contains("503", ex.Message, StringComparison.Ordinal);
    }

    private static HttpResponseMessage Response(HttpStatusCode status, string body) =>
        new(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
}
