using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Checkout.Workflows.Payouts;

namespace Checkout.Workflows.Tests.Harness;

/// <summary>Delivers the payouts queue (sends and delayed status polls) with the queue-trigger rules, optionally
/// delivering each message more than once.</summary>
internal sealed class PayoutPump(WorkflowHost host, int deliveriesPerMessage = 1)
{
    private readonly QueueClient _queue = host.Get<QueueServiceClient>().GetQueueClient(host.Options.PayoutsQueue);
    private readonly QueueClient _poison = host.Get<QueueServiceClient>().GetQueueClient(host.Options.PayoutsQueue + "-poison");

    public int Failures { get; private set; }

    public async Task UntilAsync(Func<Task<bool>> done, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Payout pump timed out after {timeout} waiting until {because}.");
            }

            if (await PumpOnceAsync() == 0)
            {
                await Task.Delay(25);
            }
        }
    }

    public async Task<int> PumpOnceAsync()
    {
        var handler = host.Get<PayoutWorkHandler>();
        var messages = (await _queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;
        foreach (var message in messages)
        {
            await DeliverAsync(message, handler);
        }

        var poisoned = (await _poison.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;
        foreach (var message in poisoned)
        {
            await handler.HandlePoisonAsync(message.Body.ToString(), CancellationToken.None);
            await _poison.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }

        return messages.Length + poisoned.Length;
    }

    private async Task DeliverAsync(QueueMessage message, PayoutWorkHandler handler)
    {
        try
        {
            for (var i = 0; i < deliveriesPerMessage; i++)
            {
                await handler.HandleAsync(message.Body.ToString(), CancellationToken.None);
            }
        }
        catch (Exception) when (message.DequeueCount < host.Options.MaxDequeueCount)
        {
            Failures++;
            await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
            return;
        }
        catch (Exception)
        {
            Failures++;
            await _poison.SendMessageAsync(message.Body.ToString());
            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            return;
        }

        await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
    }
}
