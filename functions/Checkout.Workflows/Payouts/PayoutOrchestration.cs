using Checkout.Domain.Payouts;
using Checkout.Workflows.Orchestration;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Payouts;

/// <summary>
/// One payout as a Durable Task orchestration (instance id = payout id), started from the payouts queue once the
/// capture is posted, when the rail did not pay the payouts queue's own send at once. It follows that send (or sends the
/// current attempt itself, on a retry or when that send failed), then, while the attempt is in transit, waits for the
/// rail's signed webhook (raised as <see cref="RailUpdateEvent"/>) or polls the rail on a durable timer; a failure the
/// rail may get over (<c>could_not_process</c>) is retried as a new attempt after a back-off, a few times; any other
/// failure waits for the merchant (a retry request or a new payout destination raises <see cref="RetryEvent"/>) for
/// the retry window, then the orchestration ends <c>failed</c>. The payout row stays the record of every attempt;
/// each step is an activity whose effects are idempotent (rail keys per attempt, ledger ids per payout and attempt,
/// event ids per payout). Deterministic: times from the context, I/O in activities.
/// </summary>
public sealed partial class PayoutOrchestration
{
    public const string Name = "PayoutOrchestration";
    public const string RetryEvent = "retry";
    public const string RailUpdateEvent = "rail-update";

    private readonly TaskOrchestrationContext _context;
    private readonly PayoutOrchestrationInput _input;
    private readonly TaskOptions _stepOptions;
    private readonly ILogger _logger;
    private readonly string _stepInput;
    private Task<string> _retry = null!;
    private Task<string> _railUpdate = null!;

    private PayoutOrchestration(TaskOrchestrationContext context, PayoutOrchestrationInput input)
    {
        _context = context;
        _input = input;
        _logger = context.CreateReplaySafeLogger<PayoutOrchestration>();
        _stepOptions = TaskOptions.FromRetryPolicy(new RetryPolicy(
            input.StepMaxAttempts, input.StepFirstRetryInterval, backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));
        _stepInput = CheckoutJson.Write(new PayoutRequest(input.MerchantId, input.PayoutId));
    }

    /// <summary>Runs the payout (input: a <see cref="PayoutOrchestrationInput"/> as JSON); returns its final status.</summary>
    public static Task<string> RunAsync(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<string>() ?? throw new InvalidOperationException("The payout orchestration needs its payout as input.");
        return new PayoutOrchestration(context, CheckoutJson.Read<PayoutOrchestrationInput>(input)).RunAsync();
    }

    private DateTime Now => _context.CurrentUtcDateTime;

    private async Task<string> RunAsync()
    {
        _retry = _context.WaitForExternalEvent<string>(RetryEvent);
        _railUpdate = _context.WaitForExternalEvent<string>(RailUpdateEvent);
        var automaticRetries = 0;
        var payout = _input.Sent ?? await StepAsync(PayoutActivities.Send);
        if (_input.ChecksForRetryAfterFailure && _input.Sent is { Status: PayoutStatus.Failed or PayoutStatus.Canceled })
        {
            // A retry made before this start could not reach it (PayoutOrchestrationInput): the row says whether there was one.
            payout = await StepAsync(PayoutActivities.Read);
            if (payout is { Status: PayoutStatus.Pending })
            {
                payout = await StepAsync(PayoutActivities.Send);
            }
        }

        while (payout is not null)
        {
            while (payout is { Status: PayoutStatus.InTransit })
            {
                payout = await AwaitRailAsync();
            }

            if (payout is null or { Status: PayoutStatus.Paid })
            {
                break;
            }

            if (payout.FailureCode == PayoutFailureCodes.CouldNotProcess && automaticRetries < _input.AutomaticRetries)
            {
                var delay = _input.AutomaticRetryDelay * Math.Pow(2, automaticRetries++);
                LogAutomaticRetry(_logger, _input.PayoutId, payout.Attempt, payout.FailureCode, delay);

                // The merchant's own retry, if it comes first, has started the next attempt already.
                if (!await AwaitMerchantAsync(delay))
                {
                    await StepAsync(PayoutActivities.Retry);
                }
            }
            else if (!await AwaitMerchantAsync(_input.RetryWindow))
            {
                break;
            }

            payout = await StepAsync(PayoutActivities.Send);
        }

        var status = payout?.Status.ToWire() ?? "unknown";
        LogEnded(_logger, _input.PayoutId, status);
        return status;
    }

    /// <summary>In transit: the rail's webhook or, failing that, a status poll when the timer fires.</summary>
    private async Task<PayoutProgress?> AwaitRailAsync()
    {
        using var stopTimer = new CancellationTokenSource();
        var poll = _context.CreateTimer(Now + _input.StatusPollInterval, stopTimer.Token);
        if (await Task.WhenAny(_railUpdate, poll) == poll)
        {
            return await StepAsync(PayoutActivities.Poll);
        }

        // The webhook already moved the payout row; read where it stands.
        _railUpdate = _context.WaitForExternalEvent<string>(RailUpdateEvent);
        Cancel(stopTimer);
        return await StepAsync(PayoutActivities.Read);
    }

    /// <summary>Waits up to <paramref name="window"/> for the merchant's retry (a retry request or a new destination):
    /// true when one came.</summary>
    private async Task<bool> AwaitMerchantAsync(TimeSpan window)
    {
        using var stopTimer = new CancellationTokenSource();
        var timer = _context.CreateTimer(Now + window, stopTimer.Token);
        if (await Task.WhenAny(_retry, timer) == timer)
        {
            return false;
        }

        _retry = _context.WaitForExternalEvent<string>(RetryEvent);
        Cancel(stopTimer);
        return true;
    }

    /// <summary>One step; when the rail stays unreachable through every retry, the rail is asked once more what it knows
    /// (<see cref="PayoutActivities.GiveUp"/>) rather than guessing.</summary>
    private async Task<PayoutProgress?> StepAsync(string activity)
    {
        string result;
        try
        {
            result = await _context.CallActivityAsync<string>(activity, _stepInput, _stepOptions);
        }
        catch (TaskFailedException ex)
        {
            LogStepFailed(_logger, _input.PayoutId, activity, ex.FailureDetails.ErrorMessage);
            result = await _context.CallActivityAsync<string>(PayoutActivities.GiveUp, _stepInput, _stepOptions);
        }

        return CheckoutJson.Read<PayoutProgress?>(result);
    }

    // Synchronously: an orchestrator may await only Durable's own tasks (CancelAsync's would end the episode).
#pragma warning disable CA1849 // Call async methods when in an async method
    private static void Cancel(CancellationTokenSource timer) => timer.Cancel();
#pragma warning restore CA1849

    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Payout {PayoutId} attempt {Attempt} failed ({FailureCode}); retrying in {Delay}")]
    private static partial void LogAutomaticRetry(ILogger logger, string payoutId, int attempt, string failureCode, TimeSpan delay);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Error, Message = "Payout {PayoutId}: step {Activity} failed after its retries ({Reason}); asking the rail")]
    private static partial void LogStepFailed(ILogger logger, string payoutId, string activity, string reason);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Payout {PayoutId} orchestration ended {Status}")]
    private static partial void LogEnded(ILogger logger, string payoutId, string status);
}
