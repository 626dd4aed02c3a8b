using System.Text.Json;
using Azure.Data.Tables;
using Checkout.Domain.Workflow;
using Checkout.Workflows.Orchestration;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Providers;
using Checkout.Workflows.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Wallets;

/// <summary>
/// Receives a wallet's signed notification, <c>{ "id", "type": "wallet.payment.{status}", "data": { "walletPaymentId",
/// "merchantId", "checkoutId", "method", "status", "transactionId", "declineCode", "declineMessage", "at" } }</c>,
/// signed <c>Wallet-Signature: t=..,v1=..</c> (<see cref="ProviderWebhookSignature"/>). A forged, unsigned or stale one
/// is refused before anything is read. A verified one is raised into the checkout's orchestration as a
/// <see cref="WalletNotice"/> when the checkout waits on that payment, then recorded by its id, so a replay finds the
/// record and changes nothing (a crash between the two raises it again, which the orchestration ignores for a payment
/// it no longer waits on).
/// </summary>
public sealed partial class WalletNotificationHandler(
    TableServiceClient tables, CheckoutWorkflowOptions options, WalletOptions wallets, CheckoutStore checkouts, TimeProvider clock, ILogger<WalletNotificationHandler> logger)
{
    public const string SignatureHeader = "Wallet-Signature";
    private readonly TableClient _handled = tables.GetTableClient(options.WalletNotificationsTable);

    public Task InitializeAsync(CancellationToken cancellationToken) => _handled.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    public async Task<WalletNotificationOutcome> HandleAsync(string body, string? signature, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(client);
        if (ProviderWebhookSignature.Verify(wallets.WebhookSecret, signature, body, clock.GetUtcNow(), wallets.WebhookTolerance) is { } refusal)
        {
            LogRefused(logger, refusal);
            return WalletNotificationOutcome.Unauthenticated;
        }

        if (Read(body) is not { } notification)
        {
            LogRefused(logger, "signed body is not a wallet payment notification");
            return WalletNotificationOutcome.Malformed;
        }

        var (id, merchantId, checkoutId, notice) = notification;
        if (await _handled.GetEntityOrNullAsync(checkoutId, id, cancellationToken) is not null)
        {
            LogDuplicate(logger, id, checkoutId);
            return WalletNotificationOutcome.Duplicate;
        }

        var stored = await checkouts.GetAsync(merchantId, checkoutId, cancellationToken);
        var waiting = stored?.State is { Phase: CheckoutPhase.RequiresAction } state && state.WalletPaymentId == notice.WalletPaymentId;
        if (waiting)
        {
            await client.RaiseEventAsync(checkoutId, CheckoutOrchestration.WalletEvent, notice, cancellationToken);
        }

        await _handled.UpsertEntityAsync(
            new TableEntity(checkoutId, id) { ["WalletPaymentId"] = notice.WalletPaymentId, ["Status"] = notice.Status, ["Raised"] = waiting, ["At"] = clock.GetUtcNow() },
            TableUpdateMode.Replace,
            cancellationToken);
        LogHandled(logger, id, checkoutId, notice.Status, waiting);
        return waiting ? WalletNotificationOutcome.Accepted : WalletNotificationOutcome.Ignored;
    }

    private static (string Id, string MerchantId, string CheckoutId, WalletNotice Notice)? Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var data = root.GetProperty("data");
            string? Text(JsonElement parent, string name) =>
                parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            var (id, paymentId, merchantId, checkoutId, status) = (Text(root, "id"), Text(data, "walletPaymentId"), Text(data, "merchantId"), Text(data, "checkoutId"), Text(data, "status"));
            if (id is null || paymentId is null || merchantId is null || checkoutId is null
                || status is not (WalletNotice.Paid or WalletNotice.Declined or WalletNotice.Expired)
                || (status == WalletNotice.Paid && Text(data, "transactionId") is null)
                || !data.TryGetProperty("at", out var at) || !at.TryGetDateTimeOffset(out var when))
            {
                return null;
            }

            return (id, merchantId, checkoutId, new WalletNotice(paymentId, status, Text(data, "transactionId"), Text(data, "declineCode"), Text(data, "declineMessage"), when));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "Wallet notification refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Wallet notification {NotificationId} for checkout {CheckoutId} was handled before; nothing changed")]
    private static partial void LogDuplicate(ILogger logger, string notificationId, string checkoutId);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Wallet notification {NotificationId} for checkout {CheckoutId}: {Status}; raised into its orchestration: {Raised}")]
    private static partial void LogHandled(ILogger logger, string notificationId, string checkoutId, string status, bool raised);
}
