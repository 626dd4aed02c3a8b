using System.Collections.Concurrent;
using System.Threading.Channels;
using DurableTask.Core;

namespace Checkout.LocalHost.Durable;

/// <summary>
/// Extended sessions (<c>extendedSessionsEnabled</c>) for the test sidecar's orchestration dispatcher, which completes
/// and releases every work item. The Functions host's dispatcher (DurableTask.Core's) keeps an orchestration's session
/// after an episode instead, waits for the instance's next messages for up to <c>extendedSessionIdleTimeoutInSeconds</c>
/// and runs the next episode on the history it holds, so the provider reads the history from storage once per session
/// rather than once per episode. This decorator does the same under the sidecar: a release of a running orchestration's
/// work item parks its session, and the work item comes back from <see cref="LockNextTaskOrchestrationWorkItemAsync"/>
/// with the new messages. The history is still sent to the worker in full each episode, as the sidecar always does.
/// </summary>
/// <remarks>
/// As in DurableTask.Core, at most half of <see cref="IOrchestrationService.MaxConcurrentTaskOrchestrationWorkItems"/>
/// sessions are kept at once; a work item the dispatcher abandoned (its episode failed) or one of an orchestration that
/// has ended is released at once. A parked session is only memory: a killed process loses it, and the provider sees
/// the instance's messages again after their visibility timeout, as without sessions.
/// </remarks>
internal sealed class ExtendedSessionOrchestrationService : IOrchestrationService
{
    private readonly IOrchestrationService _inner;
    private readonly ILogger _logger;
    private readonly int _maxSessions;
    private readonly Channel<TaskOrchestrationWorkItem> _continued = Channel.CreateUnbounded<TaskOrchestrationWorkItem>();
    private readonly ConcurrentDictionary<TaskOrchestrationWorkItem, byte> _inSession = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<TaskOrchestrationWorkItem, byte> _abandoned = new(ReferenceEqualityComparer.Instance);
    private int _locking;
    private Task<TaskOrchestrationWorkItem>? _pendingLock;

    public ExtendedSessionOrchestrationService(IOrchestrationService inner, ILogger logger)
    {
        _inner = inner;
        _logger = logger;
        _maxSessions = (int)Math.Ceiling(inner.MaxConcurrentTaskOrchestrationWorkItems / 2.0);
    }

    public int TaskOrchestrationDispatcherCount => _inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => _inner.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => _inner.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => _inner.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => _inner.MaxConcurrentTaskActivityWorkItems;

    /// <summary>A continued session's work item if one is ready, else the provider's next; one provider call is kept
    /// pending across calls, so a work item it returns while a continued one wins is handed out on the next call. The
    /// sidecar fetches from one loop, so calls never overlap; one that would is refused rather than lose a work item.</summary>
    public async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _locking, 1) != 0)
        {
            throw new InvalidOperationException("Orchestration work items are fetched by one loop at a time.");
        }

        try
        {
            while (true)
            {
                if (_continued.Reader.TryRead(out var continued))
                {
                    return continued;
                }

                _pendingLock ??= _inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
                using var lockWon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var readable = _continued.Reader.WaitToReadAsync(lockWon.Token).AsTask();
                if (await Task.WhenAny(_pendingLock, readable) == _pendingLock)
                {
                    // The channel's waiter is dropped rather than left to pile up one per call.
                    await lockWon.CancelAsync();
                    var next = _pendingLock;
                    _pendingLock = null;
                    return await next;
                }

                await readable;
            }
        }
        finally
        {
            Volatile.Write(ref _locking, 0);
        }
    }

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        _abandoned.TryAdd(workItem, 0);
        return _inner.AbandonTaskOrchestrationWorkItemAsync(workItem);
    }

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        var abandoned = _abandoned.TryRemove(workItem, out _);
        if (abandoned || workItem.Session is null || !IsRunning(workItem.OrchestrationRuntimeState) || !TryHoldSession(workItem))
        {
            return EndAsync(workItem);
        }

        _ = ContinueAsync(workItem);
        return Task.CompletedTask;
    }

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) =>
        _inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => _inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        _inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => _inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => _inner.GetDelayInSecondsAfterOnFetchException(exception);

    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        _inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => _inner.RenewTaskActivityWorkItemLockAsync(workItem);

    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        _inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => _inner.AbandonTaskActivityWorkItemAsync(workItem);

    public Task StartAsync() => _inner.StartAsync();

    public Task StopAsync() => _inner.StopAsync();

    public Task StopAsync(bool isForced) => _inner.StopAsync(isForced);

    public Task CreateAsync() => _inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => _inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => _inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => _inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => _inner.DeleteAsync(deleteInstanceStore);

    private static bool IsRunning(OrchestrationRuntimeState? state) =>
        state?.OrchestrationStatus is OrchestrationStatus.Running or OrchestrationStatus.Pending;

    private bool TryHoldSession(TaskOrchestrationWorkItem workItem)
    {
        if (_inSession.ContainsKey(workItem))
        {
            return true;
        }

        // Racy by at most the dispatcher's concurrency, like DurableTask.Core's non-blocking countdown: a bound, not a quota.
        return _inSession.Count < _maxSessions && _inSession.TryAdd(workItem, 0);
    }

    /// <summary>Waits for the instance's next messages, then hands the work item back to the dispatcher with the history it
    /// holds (every event so far as past events, as the provider would load it); with none before the idle timeout, ends
    /// the session.</summary>
    private async Task ContinueAsync(TaskOrchestrationWorkItem workItem)
    {
        // Nothing awaits this task, so its failures are logged here; the work item is released either way.
        IList<TaskMessage>? messages = null;
        try
        {
            messages = await workItem.Session.FetchNewOrchestrationMessagesAsync(workItem);
        }
        catch (Exception ex)
        {
            DurableTaskLog.ExtendedSessionFailed(_logger, workItem.InstanceId, ex);
        }

        if (messages is { Count: > 0 })
        {
            var episode = workItem.OrchestrationRuntimeState;
            workItem.OrchestrationRuntimeState = new OrchestrationRuntimeState(episode.Events) { Status = episode.Status, Size = episode.Size };
            workItem.NewMessages = messages;
            workItem.IsExtendedSession = true;
            _continued.Writer.TryWrite(workItem);
            return;
        }

        try
        {
            await EndAsync(workItem);
        }
        catch (Exception ex)
        {
            DurableTaskLog.ExtendedSessionFailed(_logger, workItem.InstanceId, ex);
        }
    }

    private async Task EndAsync(TaskOrchestrationWorkItem workItem)
    {
        try
        {
            if (_inSession.TryRemove(workItem, out _))
            {
                await workItem.Session.EndSessionAsync();
            }
        }
        finally
        {
            await _inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);
        }
    }
}
