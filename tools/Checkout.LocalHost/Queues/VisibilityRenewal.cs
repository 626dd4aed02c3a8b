using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Checkout.Workflows.Storage;

namespace Checkout.LocalHost.Queues;

/// <summary>
/// Keeps a message invisible while its handler runs by extending its visibility at half the receive timeout, as the
/// Functions queue listener does, and tracks the latest pop receipt (each update issues a new one).
/// Stopping never cancels an update already sent: its new pop receipt would be lost and the final delete would fail.
/// </summary>
internal sealed class VisibilityRenewal : IAsyncDisposable
{
    private readonly QueueClient _queue;
    private readonly string _messageId;
    private readonly TimeSpan _visibility;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private string _popReceipt;

    private VisibilityRenewal(QueueClient queue, QueueMessage message, TimeSpan visibility, ILogger logger)
    {
        _queue = queue;
        _messageId = message.MessageId;
        _popReceipt = message.PopReceipt;
        _visibility = visibility;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public string PopReceipt => Volatile.Read(ref _popReceipt);

    /// <summary>False once the service said the message is no longer ours; completing it then is pointless.</summary>
    public bool LeaseLost { get; private set; }

    public static VisibilityRenewal Start(QueueClient queue, QueueMessage message, TimeSpan visibility, ILogger logger) =>
        new(queue, message, visibility, logger);

    /// <summary>Stops renewing and waits for an update in progress, so <see cref="PopReceipt"/> is final afterwards.</summary>
    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var interval = _visibility / 2;
        while (await DelayAsync(interval))
        {
            try
            {
                // Not cancellable by design: see the class comment. The pipeline's network timeout bounds it.
                UpdateReceipt receipt = await _queue.UpdateMessageAsync(_messageId, PopReceipt, visibilityTimeout: _visibility, cancellationToken: CancellationToken.None);
                Volatile.Write(ref _popReceipt, receipt.PopReceipt);
            }
            catch (RequestFailedException ex) when (StorageErrors.IsLeaseLost(ex))
            {
                LeaseLost = true;
                QueueTriggerLog.LeaseLost(_logger, _messageId, _queue.Name, ex.ErrorCode);
                return;
            }
            catch (Exception ex) when (QueueErrors.IsTransient(ex))
            {
                QueueTriggerLog.RenewalFailed(_logger, ex, _messageId, _queue.Name);
            }
        }
    }

    private async Task<bool> DelayAsync(TimeSpan interval)
    {
        try
        {
            await Task.Delay(interval, _stop.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
