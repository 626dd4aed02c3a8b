using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Checkout.Workflows.Orchestration;

/// <summary>Starting an orchestration at most once per instance id, and knowing when the engine has committed a start.</summary>
public static class OrchestrationStarts
{
    /// <summary>Every status: an instance with the id, in whatever state, counts as this start's.</summary>
    public static IReadOnlyList<string> AnyStatus { get; } = Enum.GetNames<OrchestrationRuntimeStatus>();

    /// <summary>How often <see cref="WaitUntilStartedAsync"/> looks again.</summary>
    public static readonly TimeSpan StartPollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Whether the engine has committed the instance's start, waiting up to <paramref name="patience"/> for it. Events
    /// are raised only into a started instance: the engine sends an episode's messages before it appends the episode to
    /// the history, so a step of the start's episode can tell the merchant the checkout is waiting for the buyer before
    /// the start is committed; after a crash there, the start is redone from its message later, and an event that
    /// reached the instance before then, with no history, is dropped. Started means a status past <c>Pending</c>, or a
    /// custom status: the Azure Storage provider sets <c>Running</c> only in the instance update of the episode that
    /// holds the start, so a crash between that episode's history append and its instance update leaves the instance
    /// <c>Pending</c> until it ends, while every later episode writes its custom status (which the checkout
    /// orchestration sets from its first episode on, and the start never writes).
    /// </summary>
    public static async Task<bool> WaitUntilStartedAsync(
        this DurableTaskClient client, string instanceId, TimeSpan patience, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(clock);
        var deadline = clock.GetUtcNow() + patience;
        while (true)
        {
            // With inputs and outputs: the engine's gRPC answer carries the custom status only then.
            var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
            if (instance is not null && (instance.RuntimeStatus != OrchestrationRuntimeStatus.Pending || instance.SerializedCustomStatus is not null))
            {
                return true;
            }

            if (clock.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(StartPollInterval, clock, cancellationToken);
        }
    }

    /// <summary>
    /// Schedules <paramref name="name"/> as instance <paramref name="instanceId"/> unless an instance in one of
    /// <paramref name="dedupeStatuses"/> exists. Without dedupe statuses Durable's Azure Storage provider would restart a
    /// running instance from the beginning; with them it refuses, and an instance found afterwards means an earlier or
    /// concurrent start already did the work. Any other failure is thrown.
    /// </summary>
    public static async Task ScheduleOnceAsync(
        this DurableTaskClient client, string name, string input, string instanceId, IReadOnlyList<string> dedupeStatuses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(name, input, new StartOrchestrationOptions(instanceId) { DedupeStatuses = dedupeStatuses }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is null)
            {
                throw;
            }
        }
    }
}
