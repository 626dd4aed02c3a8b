using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Checkout.Domain.Payments;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Providers;

/// <summary>
/// The payment service's test mode, deterministic by token, like a PSP sandbox:
/// <list type="bullet">
/// <item><c>tok_sandbox_success</c>: captured.</item>
/// <item><c>tok_sandbox_declined</c>: declined with <c>payment.card_declined</c>.</item>
/// <item><c>tok_sandbox_transient</c>: unavailable on the first two attempts for an idempotency key, then captured.</item>
/// <item><c>tok_sandbox_unavailable</c>: the payment service never answers (every capture attempt fails as unavailable),
/// so the checkout ends <c>needs_attention</c> once the capture step's retries are spent.</item>
/// <item><c>tok_sandbox_refund_fails</c>: captured, but every refund of that capture is refused with
/// <c>refund.declined</c> (as a PSP's test mode offers a card whose refunds fail).</item>
/// <item><c>tok_sandbox_refund_transient</c>: captured; each refund of that capture finds the service unavailable on its
/// first two attempts (per refund idempotency key), then goes through.</item>
/// <item>any other token: declined with <c>payment.invalid_token</c>.</item>
/// </list>
/// Its records live in its own table, as a real PSP keeps its own: one row per idempotency key, so the same key
/// returns the same capture and the audit can count captures per checkout.
/// </summary>
public sealed class SandboxPaymentGateway(TableServiceClient tables, CheckoutWorkflowOptions options) : IPaymentGateway
{
    public const string SuccessToken = "tok_sandbox_success";
    public const string DeclinedToken = "tok_sandbox_declined";
    public const string TransientToken = "tok_sandbox_transient";
    public const string UnavailableToken = "tok_sandbox_unavailable";
    public const string RefundFailsToken = "tok_sandbox_refund_fails";
    public const string RefundDeclinedCode = "refund.declined";
    public const string RefundTransientToken = "tok_sandbox_refund_transient";
    private const string RefusesRefundsRow = "refunds-refused";
    private const string FlakyRefundsRow = "refunds-transient";
    private const int TransientFailures = 2;

    private readonly TableClient _table = tables.GetTableClient(options.PaymentsSandboxTable);

    public Task InitializeAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    public async Task<CaptureResult> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.PaymentToken == SuccessToken)
        {
            // Not read first: the capture id derives from the key, so capturing again writes the same row and answers
            // the same capture, at one request.
            return await RecordCaptureAsync(request, cancellationToken);
        }

        var existing = await _table.GetEntityOrNullAsync(request.IdempotencyKey, "capture", cancellationToken);
        if (existing?.GetString("CaptureId") is { } captured)
        {
            return CaptureResult.Captured(captured);
        }

        switch (request.PaymentToken)
        {
            case RefundFailsToken or RefundTransientToken:
                var marked = await RecordCaptureAsync(request, cancellationToken);
                var mark = request.PaymentToken == RefundFailsToken ? RefusesRefundsRow : FlakyRefundsRow;
                await _table.UpsertEntityAsync(new TableEntity(marked.CaptureId, mark), TableUpdateMode.Replace, cancellationToken);
                return marked;
            case DeclinedToken:
                return CaptureResult.Declined("payment.card_declined", "The sandbox card was declined (tok_sandbox_declined).");
            case TransientToken:
                await FailFirstAttemptsAsync(request.IdempotencyKey, "capture", existing, cancellationToken);
                return await RecordCaptureAsync(request, cancellationToken);
            case UnavailableToken:
                throw new PaymentServiceUnavailableException("The sandbox payment service is unavailable (tok_sandbox_unavailable).");
            default:
                return CaptureResult.Declined("payment.invalid_token", "The payment token is not a sandbox test token.");
        }
    }

    public async Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (await RefundModeAsync(request.CaptureId, cancellationToken))
        {
            case RefusesRefundsRow:
                return RefundResult.Refused(RefundDeclinedCode, "The sandbox refuses every refund of a payment made with tok_sandbox_refund_fails.");
            case FlakyRefundsRow:
                var existing = await _table.GetEntityOrNullAsync(request.IdempotencyKey, "refund", cancellationToken);
                await FailFirstAttemptsAsync(request.IdempotencyKey, "refund", existing, cancellationToken);
                break;
        }

        var refundId = "re_" + Derive(request.IdempotencyKey);
        var row = new TableEntity(request.IdempotencyKey, "refund")
        {
            ["RefundId"] = refundId,
            ["CaptureId"] = request.CaptureId,
            ["CheckoutId"] = request.CheckoutId,
            ["AmountMinor"] = request.Amount.ToMinorUnits(),
            ["Currency"] = request.Amount.Currency.Value,
        };

        // The same key derives the same refund id, so writing it again changes nothing.
        await _table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
        return RefundResult.Refunded(refundId);
    }

    /// <summary>Every capture the sandbox made, for audits: (checkout id, capture id).</summary>
    public async Task<IReadOnlyList<(string CheckoutId, string CaptureId)>> ListCapturesAsync(CancellationToken cancellationToken)
    {
        var captures = new List<(string, string)>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {"capture"}"), cancellationToken: cancellationToken))
        {
            if (row.GetString("CaptureId") is { } id)
            {
                captures.Add((row.GetString("CheckoutId") ?? string.Empty, id));
            }
        }

        return captures;
    }

    private async Task<CaptureResult> RecordCaptureAsync(CaptureRequest request, CancellationToken cancellationToken)
    {
        var captureId = "ch_" + Derive(request.IdempotencyKey);
        var row = new TableEntity(request.IdempotencyKey, "capture")
        {
            ["CaptureId"] = captureId,
            ["CheckoutId"] = request.CheckoutId,
            ["AmountMinor"] = request.Amount.ToMinorUnits(),
            ["Currency"] = request.Amount.Currency.Value,
        };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
        return CaptureResult.Captured(captureId);
    }

    /// <summary>How the capture's token wants its refunds answered: a marker row under the capture id, or none.</summary>
    private async Task<string?> RefundModeAsync(string captureId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {captureId} and RowKey ge {"refunds-"} and RowKey lt {"refunds."}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return row.RowKey;
        }

        return null;
    }

    private async Task FailFirstAttemptsAsync(string key, string rowKey, TableEntity? existing, CancellationToken cancellationToken)
    {
        var attempts = (existing?.GetInt32("Attempts") ?? 0) + 1;
        if (attempts > TransientFailures)
        {
            return;
        }

        await _table.UpsertEntityAsync(new TableEntity(key, rowKey) { ["Attempts"] = attempts }, TableUpdateMode.Merge, cancellationToken);
        throw new PaymentServiceUnavailableException($"Sandbox payment service unavailable (attempt {attempts} of {TransientFailures} simulated failures).");
    }

    /// <summary>Provider ids derive from the idempotency key, so a repeated call names the same capture.</summary>
    private static string Derive(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];
}
