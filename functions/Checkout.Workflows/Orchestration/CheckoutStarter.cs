using Checkout.Domain.Buyers;
using Checkout.Domain.Workflow;
using Checkout.Workflows.Buyers;
using Checkout.Workflows.Persistence;
using Microsoft.DurableTask.Client;

namespace Checkout.Workflows.Orchestration;

/// <summary>
/// Starts a checkout: records its first transition in the read model (so a status poll finds it at once), then schedules
/// its orchestration with the checkout id as the instance id. Both halves are idempotent: a retried start finds the
/// row written and the instance scheduled, and the instance is never scheduled over an existing one (which Durable's
/// Azure Storage provider would otherwise restart from the beginning).
/// </summary>
public sealed class CheckoutStarter(CheckoutStore store, BuyerIdentityStore identities, BuyerKeys buyerKeys, CheckoutWorkflowOptions options)
{
    /// <param name="identity">The buyer's identity for Chinese customs, stored apart before anything else (the state
    /// holds only its masked form).</param>
    public async Task StartAsync(DurableTaskClient client, CheckoutState created, CancellationToken cancellationToken, BuyerIdentity? identity = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(created);
        if (identity is not null)
        {
            await identities.SaveAsync(created.Id, identity, CbecAnnualLimit.CountFor(buyerKeys.For(identity), created.CreatedAt), cancellationToken);
        }

        var start = CheckoutTimeline.Start(created);
        var written = await store.CreateAsync(start.State, [start.Entry], cancellationToken);
        var input = new CheckoutOrchestrationInput(
            created, options.StepMaxAttempts, options.StepFirstRetryInterval, AssessesInOneActivity: true, HandOffRecords: true, ReadModelETag: written.ETag,
            AssessmentRecords: true, CaptureHandsOff: true);
        await client.ScheduleOnceAsync(
            CheckoutOrchestration.Name,
            CheckoutJson.Write(input),
            created.Id,
            OrchestrationStarts.AnyStatus,
            cancellationToken);
    }
}
