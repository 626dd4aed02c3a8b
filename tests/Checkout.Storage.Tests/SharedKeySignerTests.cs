using System.Net.Http.Headers;
using Checkout.Storage;
using Checkout.Storage.Queues;
using Checkout.Testing;

namespace Checkout.Storage.Tests;

public sealed class SharedKeySignerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string SomeKey = "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY3ODkwYWJjZGVmZ2hpamtsbW5vcA==";

    [Fact]
    public void QueueStringToSign_MatchesTheDocumentedExample()
    {
        // The example string-to-sign from "Authorize with Shared Key" (reference section 6.2).
        var signer = new SharedKeySigner(StorageConnectionString.Parse($"AccountName=myaccount;AccountKey={SomeKey}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=metadata&timeout=20");
        request.Headers.Add("x-ms-date", "Fri, 26 Jun 2015 23:39:12 GMT");
        request.Headers.Add("x-ms-version", "2015-02-21");

        var stringToSign = signer.QueueStringToSign(request);

        Assert.Equal(
            "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Fri, 26 Jun 2015 23:39:12 GMT\nx-ms-version:2015-02-21\n/myaccount/mycontainer\ncomp:metadata\nrestype:container\ntimeout:20",
            stringToSign);
    }

    [Fact]
    public void QueueStringToSign_PathStyleEndpoint_SignsAccountTwiceAndDecodesQueryValues()
    {
        var signer = new SharedKeySigner(StorageConnectionString.Parse($"AccountName=devstoreaccount1;AccountKey={SomeKey}"));
        using var request = new HttpRequestMessage(HttpMethod.Put, "http://127.0.0.1:10001/devstoreaccount1/orders/messages/abc?popreceipt=a%2Bb%2F%3D&VisibilityTimeout=5");
        request.Headers.Add("x-ms-date", "Fri, 26 Jun 2015 23:39:12 GMT");
        request.Content = new ByteArrayContent(new byte[7]);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");

        var stringToSign = signer.QueueStringToSign(request);

        Assert.Equal(
            "PUT\n\n\n7\n\napplication/xml\n\n\n\n\n\n\nx-ms-date:Fri, 26 Jun 2015 23:39:12 GMT\n" +
            "/devstoreaccount1/devstoreaccount1/orders/messages/abc\npopreceipt:a+b/=\nvisibilitytimeout:5",
            stringToSign);
    }

    [Fact]
    public void TableStringToSign_HasOnlyDateTypeAndCompParameter()
    {
        var signer = new SharedKeySigner(StorageConnectionString.Parse($"AccountName=devstoreaccount1;AccountKey={SomeKey}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:10002/devstoreaccount1/Tables?comp=acl&$top=5");
        request.Headers.Add("x-ms-date", "Fri, 26 Jun 2015 23:39:12 GMT");
        request.Headers.Add("x-ms-version", "2021-12-02");

        var stringToSign = signer.TableStringToSign(request);

        Assert.Equal("GET\n\n\nFri, 26 Jun 2015 23:39:12 GMT\n/devstoreaccount1/devstoreaccount1/Tables?comp=acl", stringToSign);
    }

    [Fact]
    public async Task SignedRequests_AreAcceptedByAzurite()
    {
        using var service = new QueueServiceClient(azurite.ConnectionString);
        var queue = service.GetQueueClient(UniqueName.Queue("signing"));

        await queue.CreateIfNotExistsAsync();
        var receipt = await queue.SendMessageAsync("signed");
        await queue.UpdateMessageAsync(receipt.MessageId, receipt.PopReceipt, TimeSpan.Zero, "re-signed");

        var peeked = Assert.Single(await queue.PeekMessagesAsync());
        Assert.Equal("re-signed", peeked.MessageText);
    }

    [Fact]
    public async Task WrongKey_IsRejectedWith403AuthenticationFailed()
    {
        var wrongKey = azurite.ConnectionString.Replace(AzuriteProcess.AccountKey, SomeKey, StringComparison.Ordinal);
        using var service = new QueueServiceClient(wrongKey, new StorageClientOptions { MaxRetries = 0 });
        var queue = service.GetQueueClient(UniqueName.Queue("wrongkey"));

        var ex = await Assert.ThrowsAsync<StorageRequestFailedException>(() => queue.CreateIfNotExistsAsync());

        Assert.Equal(403, ex.Status);
        Assert.Equal(StorageErrorCodes.AuthenticationFailed, ex.ErrorCode);
        Assert.Contains("Queue.Create", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SomeKey[..12], ex.Message, StringComparison.Ordinal);
    }
}
