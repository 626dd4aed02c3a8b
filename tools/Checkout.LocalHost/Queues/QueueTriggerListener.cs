using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Checkout.Workflows.Storage;

namespace Checkout.LocalHost.Queues;

/// <summary>
/// Delivers one queue's messages to a handler with the Azure Functions queue-trigger semantics (reference section 2):
/// receives up to batchSize with a long visibility timeout, runs handlers concurrently, fetches the next batch once
/// in-flight work drops to newBatchThreshold (so at most batchSize + newBatchThreshold run at once), and polls an
/// empty queue with randomized exponential back-off that <see cref="Notify"/> cuts short. Settling each message
/// (delete, release, poison) is <see cref="QueueMessageProcessor"/>'s job.
/// </summary>
public sealed class QueueTriggerListener : IAsyncDisposable
{
    // After cancelling handlers at the shutdown deadline, how long to wait for them to notice.
    private static readonly TimeSpan CancellationGrace = TimeSpan.FromSeconds(10);

    private readonly QueueClient _queue;
    private readonly QueueMessageProcessor _processor;
    private readonly QueueTriggerOptions _options;
    private readonly ILogger _logger;
    private readonly PollingBackoff _backoff;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _completed = new(0, int.MaxValue);
    private readonly CancellationTokenSource _stopReceiving = new();
    private readonly CancellationTokenSource _cancelHandlers = new();
    private Task? _loop;
    private int _inFlight;
    private int _state = (int)QueueListenerState.NotStarted;

    /// <param name="queues">A client with <see cref="QueueMessageEncoding.None"/>: the listener decodes message text itself,
    /// so badly encoded messages reach the poison queue instead of failing the whole receive.</param>
    public QueueTriggerListener(QueueServiceClient queues, string queueName, QueueTriggerHandler handler, QueueTriggerOptions options, ILogger<QueueTriggerListener> logger)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _queue = queues.GetQueueClient(queueName);
        _options = options;
        _logger = logger;
        // Jitter only spreads polls of competing instances apart; it needs no cryptographic quality.
#pragma warning disable CA5394
        _backoff = new PollingBackoff(options.MinPollingInterval, options.MaxPollingInterval, Random.Shared.NextDouble);
#pragma warning restore CA5394
        var poison = new PoisonQueue(queueName, queues.GetQueueClient);
        _processor = new QueueMessageProcessor(_queue, poison, handler, options, logger);
    }

    public string QueueName => _queue.Name;

    /// <summary>Messages received and not yet settled.</summary>
    public int InFlightCount => Volatile.Read(ref _inFlight);

    /// <summary>What the receive loop is doing; lets tests wait for a state instead of sleeping.</summary>
    internal QueueListenerState State => (QueueListenerState)Volatile.Read(ref _state);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_loop is not null)
        {
            throw new InvalidOperationException($"The listener on {QueueName} has already been started.");
        }

        QueueTriggerLog.ListenerStarted(_logger, QueueName, _options.BatchSize, _options.NewBatchThreshold, _options.MaxDequeueCount);
        _loop = Task.Run(() => ReceiveLoopAsync(_stopReceiving.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>This app just enqueued to the queue: poll now rather than at the end of the back-off.</summary>
    public void Notify()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another Notify won the race; one pending wake-up is enough.
        }
    }

    /// <summary>
    /// Stops receiving, lets in-flight handlers finish until <see cref="QueueTriggerOptions.ShutdownTimeout"/> or
    /// <paramref name="cancellationToken"/>, whichever comes first, then cancels the rest (their messages are released).
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_loop is null || _stopReceiving.IsCancellationRequested)
        {
            return;
        }

        await _stopReceiving.CancelAsync();
        await _loop;
        SetState(QueueListenerState.Draining);
        if (!await DrainAsync(_options.ShutdownTimeout, cancellationToken))
        {
            QueueTriggerLog.ShutdownDeadlineReached(_logger, QueueName, InFlightCount);
            await _cancelHandlers.CancelAsync();
            if (!await DrainAsync(CancellationGrace, CancellationToken.None))
            {
                QueueTriggerLog.HandlersAbandoned(_logger, QueueName, InFlightCount);
            }
        }

        SetState(QueueListenerState.Stopped);
        QueueTriggerLog.ListenerStopped(_logger, QueueName);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopReceiving.Dispose();
        _cancelHandlers.Dispose();
        _wake.Dispose();
        _completed.Dispose();
    }

    private async Task ReceiveLoopAsync(CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await WaitForCapacityAsync(stopping);
                var found = await ReceiveBatchAsync();
                SetState(QueueListenerState.WaitingForMessages);
                await _wake.WaitAsync(_backoff.Next(found), stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutdown: stop receiving; in-flight handlers carry on under StopAsync's deadline.
        }
    }

    private async Task WaitForCapacityAsync(CancellationToken stopping)
    {
        while (InFlightCount > _options.NewBatchThreshold)
        {
            SetState(QueueListenerState.WaitingForCapacity);
            await _completed.WaitAsync(stopping);
        }
    }

    private async Task<bool> ReceiveBatchAsync()
    {
        SetState(QueueListenerState.Receiving);
        QueueMessage[] messages;
        try
        {
            // Not cancelled by a graceful stop: messages already dequeued must reach a handler, or they would stay
            // invisible for the whole receive visibility timeout.
            messages = (await _queue.ReceiveMessagesAsync(_options.BatchSize, _options.ReceiveVisibilityTimeout, _cancelHandlers.Token)).Value;
        }
        catch (RequestFailedException ex) when (StorageErrors.IsQueueNotFound(ex))
        {
            QueueTriggerLog.QueueMissing(_logger, QueueName);
            return false;
        }
        catch (Exception ex) when (QueueErrors.IsTransient(ex))
        {
            QueueTriggerLog.ReceiveFailed(_logger, ex, QueueName);
            return false;
        }

        foreach (var message in messages)
        {
            Interlocked.Increment(ref _inFlight);
            _ = Task.Run(() => ProcessAndReleaseSlotAsync(message), CancellationToken.None);
        }

        return messages.Length > 0;
    }

    private async Task ProcessAndReleaseSlotAsync(QueueMessage message)
    {
        try
        {
            await _processor.ProcessAsync(message, _cancelHandlers.Token);
        }
#pragma warning disable CA1031 // A bug in settling one message must not leak its slot or crash the process; the message is redelivered.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            QueueTriggerLog.CompletionFailed(_logger, ex, message.MessageId, QueueName);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            ReleaseSlot();
        }
    }

    /// <summary>Waits until nothing is in flight; false if the timeout or the token came first.</summary>
    private async Task<bool> DrainAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (InFlightCount > 0)
            {
                await _completed.WaitAsync(deadline.Token);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return InFlightCount == 0;
        }
    }

    private void ReleaseSlot()
    {
        try
        {
            _completed.Release();
        }
        catch (ObjectDisposedException)
        {
            // A handler that ignored cancellation finished after the listener was disposed; nobody is waiting.
        }
    }

    private void SetState(QueueListenerState state) => Volatile.Write(ref _state, (int)state);
}
