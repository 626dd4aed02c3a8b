using Azure.Storage.Queues;
using Checkout.Workflows.Payouts;

namespace Checkout.Workflows.Tests.Harness;

/// <summary>Plays the payouts queue's function: each payout request on the queue is handled as the function does (sent,
/// and followed by its orchestration unless paid at once), optionally delivered more than once (which must pay nothing
/// twice), until the test's condition holds.</summary>
internal sealed class PayoutPump(WorkflowHost host, int deliveriesPerMessage = 1)
{
    private readonly QueueClient _queue = host.Get<QueueServiceClient>().GetQueueClient(host.Options.PayoutsQueue);

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
                await Task.Delay(50);
            }
        }
    }

    private async Task<int> PumpOnceAsync()
    {
        var orchestrations = host.Get<PayoutOrchestrations>();
        var messages = (await _queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;
        foreach (var message in messages)
        {
            for (var i = 0; i < deliveriesPerMessage; i++)
            {
                await orchestrations.HandleRequestAsync(host.Client, message.Body.ToString(), CancellationToken.None);
            }

            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }

        return messages.Length;
    }
}
