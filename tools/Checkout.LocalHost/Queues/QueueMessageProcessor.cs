using System.Text;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Checkout.Workflows.Storage;

namespace Checkout.LocalHost.Queues;

/// <summary>
/// Runs the handler for one received message and settles it the way the Functions queue trigger does: delete on
/// success; on failure release it with the configured visibility timeout, or move it to the poison queue once it has
/// been delivered maxDequeueCount times. Over-delivered and badly encoded messages go to poison without running.
/// Never throws: a message that cannot be settled simply becomes visible again when its lease expires.
/// </summary>
internal sealed class QueueMessageProcessor
{
    // Settling (delete, release, poison) must not hang shutdown, but must also survive the handler's cancellation.
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    private readonly QueueClient _queue;
    private readonly PoisonQueue _poison;
    private readonly QueueTriggerHandler _handler;
    private readonly QueueTriggerOptions _options;
    private readonly ILogger _logger;

    public QueueMessageProcessor(QueueClient rawQueue, PoisonQueue poison, QueueTriggerHandler handler, QueueTriggerOptions options, ILogger logger)
    {
        _queue = rawQueue;
        _poison = poison;
        _handler = handler;
        _options = options;
        _logger = logger;
    }

    private enum Outcome
    {
        Succeeded,
        Failed,
        Cancelled,
    }

    public async Task ProcessAsync(QueueMessage message, CancellationToken handlerToken)
    {
        using var settle = new CancellationTokenSource(SettleTimeout);
        try
        {
            if (_poison.Exists && message.DequeueCount > _options.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message, message.PopReceipt, settle.Token);
                return;
            }

            if (!TryDecode(message.Body.ToString(), out var text))
            {
                await SettleBadEncodingAsync(message, settle.Token);
                return;
            }

            await using var renewal = VisibilityRenewal.Start(_queue, message, _options.ReceiveVisibilityTimeout, _logger);
            var outcome = await InvokeAsync(message, text, handlerToken);
            await renewal.StopAsync();
            if (!renewal.LeaseLost)
            {
                await SettleAsync(message, renewal.PopReceipt, outcome, settle.Token);
            }
        }
        catch (RequestFailedException ex) when (StorageErrors.IsLeaseLost(ex))
        {
            QueueTriggerLog.LeaseLost(_logger, message.MessageId, _queue.Name, ex.ErrorCode);
        }
        catch (Exception ex) when (QueueErrors.IsTransient(ex) || ex is OperationCanceledException)
        {
            QueueTriggerLog.CompletionFailed(_logger, ex, message.MessageId, _queue.Name);
        }
    }

    private async Task<Outcome> InvokeAsync(QueueMessage message, string text, CancellationToken handlerToken)
    {
        var trigger = new QueueTriggerMessage(
            message.MessageId, text, message.DequeueCount, message.InsertedOn ?? default, message.ExpiresOn ?? default, message.NextVisibleOn ?? default, message.PopReceipt);
        try
        {
            await _handler(trigger, handlerToken);
            return Outcome.Succeeded;
        }
        catch (OperationCanceledException) when (handlerToken.IsCancellationRequested)
        {
            return Outcome.Cancelled;
        }
#pragma warning disable CA1031 // A function may throw anything; every failure must release or poison the message, never crash the listener.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            QueueTriggerLog.HandlerFailed(_logger, ex, _queue.Name, message.MessageId, message.DequeueCount);
            return Outcome.Failed;
        }
    }

    private Task SettleAsync(QueueMessage message, string popReceipt, Outcome outcome, CancellationToken ct) => outcome switch
    {
        Outcome.Succeeded => _queue.DeleteMessageAsync(message.MessageId, popReceipt, ct),
        Outcome.Failed when _poison.Exists && message.DequeueCount >= _options.MaxDequeueCount => MoveToPoisonAsync(message, popReceipt, ct),
        Outcome.Failed => _queue.UpdateMessageAsync(message.MessageId, popReceipt, visibilityTimeout: _options.VisibilityTimeout, cancellationToken: ct),
        // Shutdown is not the message's fault: hand it straight back for another instance, without a failed try's delay.
        _ => _queue.UpdateMessageAsync(message.MessageId, popReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: ct),
    };

    private async Task SettleBadEncodingAsync(QueueMessage message, CancellationToken ct)
    {
        QueueTriggerLog.BadEncoding(_logger, message.MessageId, _queue.Name);
        if (_poison.Exists)
        {
            await MoveToPoisonAsync(message, message.PopReceipt, ct);
        }
        else
        {
            await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: _options.VisibilityTimeout, cancellationToken: ct);
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message, string popReceipt, CancellationToken ct)
    {
        // Copy first, then delete: a crash in between leaves a duplicate in poison, never a lost message.
        await _poison.AddAsync(message.Body.ToString(), ct);
        await _queue.DeleteMessageAsync(message.MessageId, popReceipt, ct);
        QueueTriggerLog.MovedToPoison(_logger, message.MessageId, _queue.Name, _poison.Name!, message.DequeueCount);
    }

    private bool TryDecode(string wireText, out string text)
    {
        if (_options.MessageEncoding == QueueMessageEncoding.None)
        {
            text = wireText;
            return true;
        }

        var buffer = new byte[(wireText.Length * 3 / 4) + 3];
        if (Convert.TryFromBase64String(wireText, buffer, out var written))
        {
            text = Encoding.UTF8.GetString(buffer, 0, written);
            return true;
        }

        text = string.Empty;
        return false;
    }
}
