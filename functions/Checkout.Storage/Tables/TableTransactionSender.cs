using System.Text;

namespace Checkout.Storage.Tables;

/// <summary>Posts one entity-group transaction to <c>/$batch</c> and reads back its per-action outcome.</summary>
internal sealed class TableTransactionSender(TableTransport transport, string tableName)
{
    public async Task<IReadOnlyList<TableTransactionResult>> SendAsync(
        IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var requests = actions.Select(action => TableWriteRequest.For(transport.Endpoint, tableName, action)).ToList();
        var batchBoundary = "batch_" + Guid.NewGuid().ToString("D");
        var body = Encoding.UTF8.GetBytes(TableTransactionBody.Build(requests, batchBoundary, "changeset_" + Guid.NewGuid().ToString("D")));
        TableTransactionRules.ValidateBodySize(body.Length);
        using var response = await transport.SendAsync(TableOperationKinds.Batch, () =>
        {
            var request = TableHttp.CreateRequest(HttpMethod.Post, TableUris.Batch(transport.Endpoint));
            TableHttp.SetContent(request, body, TableTransactionBody.ContentType(batchBoundary));
            return request;
        }, cancellationToken);
        await TableTransport.ThrowIfFailedAsync(response, TableOperationKinds.Batch, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var contentType = response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var values) ? values.ToString() : null;
        return TableTransactionOutcome.Interpret(TableTransactionResponse.Parse(contentType, text), actions.Count);
    }
}
