using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Checkout.Workflows.Steps;

namespace Checkout.Workflows.Tests.Harness;

/// <summary>
/// Delivers the workflow's queue messages to a worker's handler with the queue-trigger rules (delete on success,
/// release on failure, poison after <c>maxDequeueCount</c>), optionally delivering each message more than once to
/// prove handlers idempotent. Deterministic: tests drive it until a condition holds, never by sleeping.
/// </summary>
internal sealed class QueuePump(WorkflowHost host, int deliveriesPerMessage = 1)
{
    private readonly QueueClient _work = host.Get<QueueServiceClient>().GetQueueClient(host.Options.WorkQueue);
    private readonly QueueClient _timers = host.Get<QueueServiceClient>().GetQueueClient(host.Options.TimersQueue);
    private readonly QueueClient _workPoison = host.Get<QueueServiceClient>().GetQueueClient(host.Options.WorkQueue + "-poison");

    public int Poisoned { get; private set; }

    /// <summary>Pumps until <paramref name="done"/> holds, failing after <paramref name="timeout"/>.</summary>
    public async Task UntilAsync(Func<Task<bool>> done, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Pump timed out after {timeout} waiting until {because}.");
            }

            if (await PumpOnceAsync() == 0)
            {
                await Task.Delay(25);
            }
        }
    }

    public async Task<int> PumpOnceAsync()
    {
        var handled = 0;
        foreach (var queue in new[] { _work, _timers })
        {
            var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;
            await Task.WhenAll(messages.Select(m => DeliverAsync(queue, m, host.Handler)));
            handled += messages.Length;
        }

        foreach (var poison in (await _workPoison.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value)
        {
            await host.Handler.HandlePoisonAsync(poison.Body.ToString(), CancellationToken.None);
            await _workPoison.DeleteMessageAsync(poison.MessageId, poison.PopReceipt);
            handled++;
        }

        return handled;
    }

    private async Task DeliverAsync(QueueClient queue, QueueMessage message, CheckoutWorkHandler handler)
    {
        try
        {
            for (var i = 0; i < deliveriesPerMessage; i++)
            {
                await handler.HandleAsync(message.Body.ToString(), message.DequeueCount, CancellationToken.None);
            }
        }
        catch (Exception) when (message.DequeueCount < host.Options.MaxDequeueCount)
        {
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
            return;
        }
        catch (Exception)
        {
            var poison = host.Get<QueueServiceClient>().GetQueueClient(queue.Name + "-poison");
            await poison.SendMessageAsync(message.Body.ToString());
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            Poisoned++;
            return;
        }

        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
    }
}
