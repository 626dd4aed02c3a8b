using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Checkout.Workflows.Orchestration;

/// <summary>Starting an orchestration at most once per instance id.</summary>
public static class OrchestrationStarts
{
    /// <summary>Every status: an instance with the id, in whatever state, counts as this start's.</summary>
    public static IReadOnlyList<string> AnyStatus { get; } = Enum.GetNames<OrchestrationRuntimeStatus>();

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
