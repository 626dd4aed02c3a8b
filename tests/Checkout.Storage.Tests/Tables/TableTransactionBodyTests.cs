using Checkout.Storage.Tables;

namespace Checkout.Storage.Tests.Tables;

public sealed class TableTransactionBodyTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:10002/devstoreaccount1");

    [Fact]
    public void Build_EveryActionType_WritesTheMultipartTextTheServiceExpects()
    {
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "r1") { ["V"] = 1 }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "r2") { ["V"] = 2 }, new ETag("W/\"datetime'x'\"")),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "r3")),
            new(TableTransactionActionType.Delete, new TableEntity("p", "it's")),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "r5")),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "r6")),
        ];

        var body = Build(actions);

        Assert.Equal(
            """
            --batch_b
            Content-Type: multipart/mixed; boundary=changeset_c

            --changeset_c
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            POST http://127.0.0.1:10002/devstoreaccount1/t HTTP/1.1
            Accept: application/json;odata=minimalmetadata
            DataServiceVersion: 3.0
            Content-Type: application/json
            Prefer: return-no-content

            {"PartitionKey":"p","RowKey":"r1","V":1}
            --changeset_c
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            MERGE http://127.0.0.1:10002/devstoreaccount1/t(PartitionKey='p',RowKey='r2') HTTP/1.1
            Accept: application/json;odata=minimalmetadata
            DataServiceVersion: 3.0
            Content-Type: application/json
            If-Match: W/"datetime'x'"

            {"PartitionKey":"p","RowKey":"r2","V":2}
            --changeset_c
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            PUT http://127.0.0.1:10002/devstoreaccount1/t(PartitionKey='p',RowKey='r3') HTTP/1.1
            Accept: application/json;odata=minimalmetadata
            DataServiceVersion: 3.0
            Content-Type: application/json
            If-Match: *

            {"PartitionKey":"p","RowKey":"r3"}
            --changeset_c
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            DELETE http://127.0.0.1:10002/devstoreaccount1/t(PartitionKey='p',RowKey='it%27%27s') HTTP/1.1
            Accept: application/json;odata=minimalmetadata
            DataServiceVersion: 3.0
            If-Match: *


            --changeset_c
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            MERGE http://127.0.0.1:10002/devstoreaccount1/t(PartitionKey='p',RowKey='r5') HTTP/1.1
            Accept: application/json;odata=minimalmetadata
            DataServiceVersion: 3.0
            Content-Type: application/json

            {"PartitionKey":"p","RowKey":"r5"}
            --changeset_c
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            PUT http://127.0.0.1:10002/devstoreaccount1/t(PartitionKey='p',RowKey='r6') HTTP/1.1
            Accept: application/json;odata=minimalmetadata
            DataServiceVersion: 3.0
            Content-Type: application/json

            {"PartitionKey":"p","RowKey":"r6"}
            --changeset_c--
            --batch_b--

            """.ReplaceLineEndings("\r\n"),
            body);
    }

    [Fact]
    public void Build_AnyEntity_UsesCrlfLineEndingsOnly()
    {
        var body = Build([new(TableTransactionActionType.Add, new TableEntity("p", "r") { ["S"] = "line1\nline2\r\nü" })]);

        Assert.DoesNotContain("\n", body.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"S\":\"line1\\nline2\\r\\n\\u00FC\"}\r\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentType_NamesTheBatchBoundary()
    {
        Assert.Equal("multipart/mixed; boundary=batch_b", TableTransactionBody.ContentType("batch_b"));
    }

    private static string Build(IEnumerable<TableTransactionAction> actions) => TableTransactionBody.Build(
        actions.Select(action => TableWriteRequest.For(Endpoint, "t", action)).ToList(), "batch_b", "changeset_c");
}
