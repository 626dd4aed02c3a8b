using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payments;
using Checkout.Workflows.Providers;
using Checkout.Workflows.Storage;

namespace Checkout.Workflows.Wallets;

/// <summary>
/// Alipay and WeChat Pay in the payment service's test mode (as a PSP offers wallets among its payment methods, so a
/// wallet's capture is refunded like a card's). A created payment waits for the buyer, whom the test helpers play
/// (<see cref="SimulateAsync"/>: pay, decline or let it expire); each outcome comes back as the wallet's signed
/// notification, delivered through the same handler a real wallet's would reach. Its records live in the payment
/// sandbox's table: one row per wallet payment (id derived from the idempotency key, so a repeated create returns the
/// same payment), and on payment the capture row the sandbox's audits count.
/// </summary>
public sealed class SandboxWalletGateway(TableServiceClient tables, CheckoutWorkflowOptions options, WalletOptions wallets) : IWalletGateway
{
    private const string Row = "wallet";
    private const string Awaiting = "awaiting";
    private readonly TableClient _table = tables.GetTableClient(options.PaymentsSandboxTable);

    public async Task<WalletPayment> CreateAsync(WalletPaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = (request.Method == PaymentMethodType.Alipay ? "ali_" : "wx_") + Derive(request.IdempotencyKey);
        var existing = await _table.GetEntityOrNullAsync(id, Row, cancellationToken);
        var expiresAt = existing?.GetDateTimeOffset("ExpiresAt") ?? request.ExpiresAt;
        if (existing is null)
        {
            await _table.UpsertEntityAsync(
                new TableEntity(id, Row)
                {
                    ["IdempotencyKey"] = request.IdempotencyKey,
                    ["CheckoutId"] = request.CheckoutId,
                    ["MerchantId"] = request.MerchantId,
                    ["Method"] = request.Method.ToWire(),
                    ["AmountMinor"] = request.Amount.ToMinorUnits(),
                    ["Currency"] = request.Amount.Currency.Value,
                    ["ExpiresAt"] = expiresAt,
                    ["Status"] = Awaiting,
                },
                TableUpdateMode.Replace,
                cancellationToken);
        }

        return new WalletPayment(id, NextActionFor(id, request.Method, expiresAt));
    }

    public async Task<WalletCloseResult> CloseAsync(string walletPaymentId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityOrNullAsync(walletPaymentId, Row, cancellationToken)
            ?? throw new InvalidOperationException($"No sandbox wallet payment {walletPaymentId}.");
        if (row.GetString("Status") == WalletNotice.Paid)
        {
            return new WalletCloseResult(row.GetString("TransactionId"));
        }

        row["Status"] = "closed";
        await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        return new WalletCloseResult(null);
    }

    /// <summary>
    /// Plays the buyer (or the wallet's clock): <c>pay</c>, <c>decline</c> or <c>expire</c> an awaiting payment, and
    /// returns the wallet's signed notification of it; null when the payment no longer awaits the buyer (already paid,
    /// declined, expired or closed). Paying after the expiry time expires it instead, as the wallet would.
    /// </summary>
    public async Task<(string Body, string Signature)?> SimulateAsync(string walletPaymentId, string action, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityOrNullAsync(walletPaymentId, Row, cancellationToken);
        if (row?.GetString("Status") != Awaiting)
        {
            return null;
        }

        var status = action switch
        {
            "pay" when now > row.GetDateTimeOffset("ExpiresAt") => WalletNotice.Expired,
            "pay" => WalletNotice.Paid,
            "decline" => WalletNotice.Declined,
            _ => WalletNotice.Expired,
        };
        string? transactionId = null;
        if (status == WalletNotice.Paid)
        {
            // The capture the payment service's audits count, under the attempt's key, as a card's capture is recorded.
            transactionId = (row.GetString("Method") == "alipay" ? "alipay_" : "wxpay_") + Derive(walletPaymentId);
            await _table.UpsertEntityAsync(
                new TableEntity(row.GetString("IdempotencyKey"), "capture")
                {
                    ["CaptureId"] = transactionId, ["CheckoutId"] = row.GetString("CheckoutId"), ["AmountMinor"] = row.GetInt64("AmountMinor"), ["Currency"] = row.GetString("Currency"),
                },
                TableUpdateMode.Merge,
                cancellationToken);
        }

        row["Status"] = status;
        row["TransactionId"] = transactionId;
        await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        var body = JsonSerializer.Serialize(new
        {
            id = "wn_" + Derive(walletPaymentId + "." + status),
            type = "wallet.payment." + status,
            data = new
            {
                walletPaymentId,
                merchantId = row.GetString("MerchantId"),
                checkoutId = row.GetString("CheckoutId"),
                method = row.GetString("Method"),
                status,
                transactionId,
                declineCode = status == WalletNotice.Declined ? "payment.wallet_declined" : null,
                declineMessage = status == WalletNotice.Declined ? "The buyer declined the payment in the wallet (sandbox)." : null,
                at = now,
            },
        });
        return (body, ProviderWebhookSignature.Sign(wallets.WebhookSecret, now, body));
    }

    /// <summary>Alipay's cross-border web payment sends the buyer to Alipay's cashier page; WeChat Pay's Native payment
    /// shows a QR code the buyer scans with WeChat.</summary>
    private static NextAction NextActionFor(string id, PaymentMethodType method, DateTimeOffset expiresAt) => method == PaymentMethodType.Alipay
        ? new NextAction(NextAction.Redirect, null, $"https://sandbox.alipay.example/cashier?payment={id}", expiresAt)
        : new NextAction(NextAction.QrCode, $"weixin://wxpay/bizpayurl?pr={id}", null, expiresAt);

    /// <summary>Provider ids derive from the idempotency key, so a repeated call names the same payment.</summary>
    private static string Derive(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];
}
