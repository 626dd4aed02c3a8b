using Checkout.Workflows.Orchestration;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Refunds;

/// <summary>
/// One refund of a completed checkout as a Durable Task orchestration (instance id = refund id), started once its
/// pending row holds its reservation. It asks the payment service for the refund (idempotency key = refund id; an
/// outage is retried with back-off), then finishes it: succeeded (posted to the ledger, the balance effect recorded)
/// or failed (its amount refundable again), each announced by a webhook. Should the steps fail through every retry
/// (the payment service or storage down for long), the refund stays pending and the orchestration starts over after
/// a wait: every effect is idempotent by the refund id, so starting over repeats nothing. Deterministic: times from
/// the context, all I/O in the activities.
/// </summary>
public static partial class RefundOrchestration
{
    public const string Name = "RefundOrchestration";

    /// <summary>Runs the refund (input: a <see cref="RefundOrchestrationInput"/> as JSON); returns its final status.</summary>
    public static async Task<string> RunAsync(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.GetInput<string>() ?? throw new InvalidOperationException("The refund orchestration needs its refund as input.");
        var input = CheckoutJson.Read<RefundOrchestrationInput>(text);
        var logger = context.CreateReplaySafeLogger(typeof(RefundOrchestration).FullName!);
        var options = TaskOptions.FromRetryPolicy(new RetryPolicy(
            input.StepMaxAttempts, input.StepFirstRetryInterval, backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));
        try
        {
            var outcome = await context.CallActivityAsync<string>(RefundActivities.CallGateway, text, options);
            var status = await context.CallActivityAsync<string>(RefundActivities.Finish, outcome, options);
            LogEnded(logger, input.RefundId, status);
            return status;
        }
        catch (TaskFailedException ex)
        {
            LogOutage(logger, input.RefundId, ex.FailureDetails.ErrorMessage, input.OutageRetryDelay);
            await context.CreateTimer(context.CurrentUtcDateTime + input.OutageRetryDelay, CancellationToken.None);
            context.ContinueAsNew(text);
            return RefundStatuses.Pending;
        }
    }

    [LoggerMessage(EventId = 6200, Level = LogLevel.Information, Message = "Refund {RefundId} ended {Status}")]
    private static partial void LogEnded(ILogger logger, string refundId, string status);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Error, Message = "Refund {RefundId}: a step failed after its retries ({Reason}); it stays pending and starts over in {Delay}")]
    private static partial void LogOutage(ILogger logger, string refundId, string reason, TimeSpan delay);
}
