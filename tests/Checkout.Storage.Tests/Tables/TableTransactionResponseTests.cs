using Checkout.Storage.Tables;

namespace Checkout.Storage.Tests.Tables;

/// <summary>
/// Response texts in the shapes Azure and Azurite send (Azurite tests/table/unit/mock.response.serialization.strings.ts,
/// src/table/batch/TableBatchSerialization.ts; Learn "Performing entity group transactions", sample error response).
/// </summary>
public sealed class TableTransactionResponseTests
{
    private const string ContentType = "multipart/mixed; boundary=batchresponse_0b1c";

    private static readonly string Success = """
        --batchresponse_0b1c
        Content-Type: multipart/mixed; boundary=changesetresponse_9f8e

        --changesetresponse_9f8e
        Content-Type: application/http
        Content-Transfer-Encoding: binary

        HTTP/1.1 201 Created
        DataServiceVersion: 3.0;
        Content-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8
        Location: https://acct.table.core.windows.net/t(PartitionKey='p',RowKey='r1')
        ETag: W/"datetime'2024-05-06T07%3A08%3A09.1000000Z'"

        {"odata.etag":"W/\"datetime'2024-05-06T07%3A08%3A09.1000000Z'\"","PartitionKey":"p","RowKey":"r1"}
        --changesetresponse_9f8e
        Content-Type: application/http
        Content-Transfer-Encoding: binary

        HTTP/1.1 204 No Content
        Content-ID: 2
        X-Content-Type-Options: nosniff
        Cache-Control: no-cache
        DataServiceVersion: 1.0;


        --changesetresponse_9f8e
        Content-Type: application/http
        Content-Transfer-Encoding: binary

        HTTP/1.1 204 No Content
        DataServiceVersion: 3.0;
        ETag: W/"datetime'2024-05-06T07%3A08%3A09.2000000Z'"


        --changesetresponse_9f8e--
        --batchresponse_0b1c--

        """.ReplaceLineEndings("\r\n");

    private static readonly string Failure = """
        --batchresponse_0b1c
        Content-Type: multipart/mixed; boundary=changesetresponse_9f8e

        --changesetresponse_9f8e
        Content-Type: application/http
        Content-Transfer-Encoding: binary

        HTTP/1.1 409 Conflict
        Content-ID: 3
        DataServiceVersion: 3.0;
        Content-Type: application/json;odata=minimalmetadata;charset=utf-8

        {"odata.error":{"code":"EntityAlreadyExists","message":{"lang":"en-US","value":"1:The specified entity already exists.\nRequestId:5b2e\nTime:2024-05-06T07:08:09.0000000Z"}}}
        --changesetresponse_9f8e--
        --batchresponse_0b1c--

        """.ReplaceLineEndings("\r\n");

    [Fact]
    public void Parse_SuccessfulChangeset_ReturnsEachStatusAndETagInOrder()
    {
        var responses = TableTransactionResponse.Parse(ContentType, Success);

        Assert.Equal([201, 204, 204], responses.Select(r => r.Status));
        Assert.Equal("W/\"datetime'2024-05-06T07%3A08%3A09.1000000Z'\"", responses[0].Headers["etag"]);
        Assert.False(responses[1].Headers.ContainsKey("etag"));
        Assert.StartsWith("{\"odata.etag\"", responses[0].Body, StringComparison.Ordinal);
        Assert.Equal(string.Empty, responses[1].Body);
    }

    [Fact]
    public void Parse_LfLineEndings_ReadsTheSame()
    {
        var crlf = TableTransactionResponse.Parse(ContentType, Success);
        var lf = TableTransactionResponse.Parse(ContentType, Success.ReplaceLineEndings("\n"));

        Assert.Equal(crlf.Select(r => (r.Status, r.Body)), lf.Select(r => (r.Status, r.Body)));
    }

    [Fact]
    public void Interpret_SuccessfulChangeset_ReturnsResultsWithETags()
    {
        var results = TableTransactionOutcome.Interpret(TableTransactionResponse.Parse(ContentType, Success), 3);

        Assert.Equal(new TableTransactionResult(201, new ETag("W/\"datetime'2024-05-06T07%3A08%3A09.1000000Z'\"")), results[0]);
        Assert.Equal(new TableTransactionResult(204, null), results[1]);
        Assert.Equal(new TableTransactionResult(204, new ETag("W/\"datetime'2024-05-06T07%3A08%3A09.2000000Z'\"")), results[2]);
    }

    [Fact]
    public void Interpret_FailedChangeset_ThrowsWithStatusCodeAndTheIndexFromTheMessage()
    {
        var responses = TableTransactionResponse.Parse(ContentType, Failure);

        var error = Assert.Throws<TableTransactionFailedException>(() => TableTransactionOutcome.Interpret(responses, 4));

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Equal(1, error.FailedActionIndex);
        Assert.Contains("The specified entity already exists.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Interpret_FailureWithoutAnIndexInTheMessage_FallsBackToTheOneBasedContentId()
    {
        var responses = TableTransactionResponse.Parse(ContentType, Failure.Replace("\"1:The", "\"The", StringComparison.Ordinal));

        var error = Assert.Throws<TableTransactionFailedException>(() => TableTransactionOutcome.Interpret(responses, 4));

        Assert.Equal(2, error.FailedActionIndex);
    }

    [Fact]
    public void Interpret_FailureWithANonJsonBody_StillReportsTheStatus()
    {
        var responses = TableTransactionResponse.Parse(ContentType, Failure.Replace("{\"odata.error\"", "<Error>{\"odata.error\"", StringComparison.Ordinal));

        var error = Assert.Throws<TableTransactionFailedException>(() => TableTransactionOutcome.Interpret(responses, 4));

        Assert.Equal(409, error.Status);
        Assert.Null(error.ErrorCode);
    }

    [Fact]
    public void Interpret_FewerSubResponsesThanActions_ThrowsFormatException()
    {
        var responses = TableTransactionResponse.Parse(ContentType, Success);

        Assert.Throws<FormatException>(() => TableTransactionOutcome.Interpret(responses, 4));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("multipart/mixed")]
    public void Parse_NotMultipartWithABoundary_ThrowsFormatException(string? contentType)
    {
        Assert.Throws<FormatException>(() => TableTransactionResponse.Parse(contentType, Success));
    }
}
