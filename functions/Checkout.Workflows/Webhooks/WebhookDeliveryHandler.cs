using Azure;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Webhooks;

/// <summary>
/// Makes one signed attempt and decides what it means (<see cref="SendAsync"/>), records it under the delivery's ETag
/// (<see cref="RecordAsync"/>), then schedules the next attempt as a delayed message on the deliveries queue (or stops:
/// success, 410 Gone, retries exhausted, or a manual redelivery). Messages on that queue carry every attempt after the
/// first; the fan-out makes first attempts and writes them into the new rows itself, in batches (see
/// <see cref="WebhookFanOut"/>), so a first attempt may be made again with the same <c>webhook-id</c> when a crash
/// came between it and its row. An attempt number the row has recorded is never attempted again from this queue; one
/// made twice at once is recorded twice (see RecordAsync).
/// </summary>
public sealed class WebhookDeliveryHandler(
    WebhookDeliveryStore deliveries,
    WebhookEndpointStore endpoints,
    WebhookSender sender,
    WebhookAttemptScheduler queue,
    WebhookOptions webhookOptions,
    CheckoutWorkflowOptions options,
    TimeProvider clock,
    ILogger<WebhookDeliveryHandler> logger)
{
    /// <summary>Writes of one attempt's record before giving up; each lost race means another attempt was recorded.</summary>
    private const int MaxRecordTries = 10;

    public async Task HandleAsync(string messageText, long dequeueCount, CancellationToken cancellationToken)
    {
        var message = Read(messageText, options.WebhookDeliveriesQueue);
        if (message is null)
        {
            return;
        }

        try
        {
            await AttemptAsync(message, cancellationToken);
        }
        catch (Exception ex) when (dequeueCount >= options.MaxDequeueCount && ex is not OperationCanceledException)
        {
            // Last delivery: say why on the delivery before the message goes to poison, so it never looks stuck.
            WebhookLog.DeliveryGivingUp(logger, ex, message.DeliveryId, message.Attempt, dequeueCount);
            await AbandonAsync(message, "Processing the attempt failed repeatedly: " + ex.Message, cancellationToken);
            throw;
        }
    }

    public async Task HandlePoisonAsync(string messageText, CancellationToken cancellationToken)
    {
        var message = Read(messageText, options.WebhookDeliveriesQueue + "-poison");
        if (message is not null)
        {
            var reason = $"The attempt message was delivered {options.MaxDequeueCount} times without success and moved to the poison queue.";
            await AbandonAsync(message, reason, cancellationToken);
        }
    }

    /// <summary>The first attempt of a delivery whose row exists without one (written by a fan-out from before first
    /// attempts were written with their rows, which crashed before attempting), to an endpoint the fan-out has just read.</summary>
    public async Task AttemptFirstAsync(WebhookDelivery delivery, ETag etag, WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var outcome = await SendAsync(delivery, endpoint, new WebhookAttemptMessage(delivery.MerchantId, delivery.Id, 1), cancellationToken);
        await RecordAsync(delivery, etag, outcome, cancellationToken);
    }

    private async Task AttemptAsync(WebhookAttemptMessage message, CancellationToken cancellationToken)
    {
        var read = await deliveries.GetAsync(message.MerchantId, message.DeliveryId, cancellationToken);
        if (read is not { } found)
        {
            WebhookLog.UnknownDelivery(logger, message.DeliveryId, message.Attempt);
            return;
        }

        var (delivery, etag) = found;
        if (delivery.AttemptCount >= message.Attempt)
        {
            await ResumeScheduleAsync(delivery, message, cancellationToken);
            return;
        }

        if (delivery.AttemptCount + 1 != message.Attempt || (delivery.Status != WebhookDeliveryStatus.Pending && !message.Manual))
        {
            WebhookLog.Stale(logger, delivery.Id, message.Attempt);
            return;
        }

        var endpoint = await endpoints.GetAsync(delivery.MerchantId, delivery.EndpointId, cancellationToken);
        if (endpoint is not { Enabled: true })
        {
            var reason = endpoint is null ? "The endpoint was deleted." : $"The endpoint is disabled: {endpoint.DisabledReason}";
            await FinishWithoutAttemptAsync(delivery, etag, reason, cancellationToken);
            return;
        }

        await RecordAsync(delivery, etag, await SendAsync(delivery, endpoint, message, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Makes attempt <c>message.Attempt</c> and decides the delivery's status and next attempt from the answer; records
    /// nothing. A 410 Gone disables the endpoint here, before any caller records the attempt: a crash in between must not
    /// leave a recorded 410 with the endpoint still enabled.
    /// </summary>
    internal async Task<WebhookAttemptOutcome> SendAsync(
        WebhookDelivery delivery, WebhookEndpoint endpoint, WebhookAttemptMessage message, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        var result = await sender.SendAsync(endpoint, delivery, cancellationToken);
        var next = result.Succeeded || result.Gone || message.Manual || message.Attempt >= webhookOptions.MaxAttempts
            ? (DateTimeOffset?)null
            : at + webhookOptions.RetryDelays[message.Attempt - 1];
        if (result.Gone)
        {
            await endpoints.DisableAsync(endpoint.MerchantId, endpoint.Id, $"Answered 410 Gone on {at:O}.", at, cancellationToken);
            WebhookLog.EndpointDisabled(logger, endpoint.Id, endpoint.MerchantId);
        }

        var status = result.Succeeded ? WebhookDeliveryStatus.Succeeded : next is null ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending;
        WebhookLog.Attempted(logger, delivery.Id, message.Attempt, endpoint.Id, status, result.StatusCode, result.DurationMs);
        return new WebhookAttemptOutcome(new WebhookAttempt(message.Attempt, at, result.StatusCode, result.DurationMs, result.Error, next, message.Manual), status, result);
    }

    /// <summary>Records an attempt made on a delivery that has a row (<see cref="RecordOnRowAsync"/>), then schedules the
    /// next attempt unless it was recorded as a duplicate.</summary>
    internal async Task RecordAsync(WebhookDelivery delivery, ETag etag, WebhookAttemptOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var recorded = await RecordOnRowAsync(delivery, etag, outcome, cancellationToken);
        if (recorded is null)
        {
            WebhookLog.NotRecorded(logger, delivery.Id, outcome.Attempt.Attempt);
        }
        else if (recorded.Value.Duplicate)
        {
            WebhookLog.RecordedAsDuplicate(logger, delivery.Id, outcome.Attempt.Attempt, recorded.Value.Delivery.Status);
        }
        else
        {
            await ScheduleNextAsync(recorded.Value.Delivery, cancellationToken);
        }
    }

    /// <summary>The fan-out's first attempt of a delivery whose row it found written already (the event came again in
    /// another message): the HTTP attempt goes on that row, as a duplicate when it holds its first attempt.</summary>
    internal async Task RecordOnExistingAsync(WebhookDelivery delivery, WebhookAttemptOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(outcome);
        if (await deliveries.GetAsync(delivery.MerchantId, delivery.Id, cancellationToken) is not { } found)
        {
            WebhookLog.NotRecorded(logger, delivery.Id, outcome.Attempt.Attempt);
            return;
        }

        await RecordAsync(found.Delivery, found.ETag, outcome, cancellationToken);
    }

    /// <summary>Queues the next attempt the delivery's last recorded attempt scheduled, if any. A copy of a message
    /// already queued is harmless: its attempt number is then recorded or stale when it arrives, and it is dropped.</summary>
    internal async Task ScheduleNextAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery is { Status: WebhookDeliveryStatus.Pending, LastAttempt: { NextAttemptAt: { } due, Manual: false } })
        {
            await queue.ScheduleAsync(new WebhookAttemptMessage(delivery.MerchantId, delivery.Id, delivery.AttemptCount + 1), due, cancellationToken);
        }
    }

    /// <summary>
    /// Records the attempt under the row's ETag. When another worker changed the row first (it made the same attempt
    /// at once, or gave the delivery up), re-reads it and records again on top, so every HTTP attempt made is in the
    /// log: as itself when its number is still unrecorded, else as a duplicate that schedules nothing and only turns
    /// the delivery to succeeded when it succeeded. Null when the delivery vanished or the races never ended.
    /// </summary>
    private async Task<(WebhookDelivery Delivery, bool Duplicate)?> RecordOnRowAsync(
        WebhookDelivery delivery, ETag etag, WebhookAttemptOutcome outcome, CancellationToken cancellationToken)
    {
        for (var tries = 1; tries <= MaxRecordTries; tries++)
        {
            var duplicate = delivery.AttemptCount >= outcome.Attempt.Attempt;
            var updated = duplicate ? outcome.AppliedAsDuplicateTo(delivery) : outcome.AppliedTo(delivery);
            if (await deliveries.UpdateAsync(updated, etag, cancellationToken))
            {
                return (updated, duplicate);
            }

            WebhookLog.AttemptRaced(logger, delivery.Id, outcome.Attempt.Attempt);
            if (await deliveries.GetAsync(delivery.MerchantId, delivery.Id, cancellationToken) is not { } fresh)
            {
                return null;
            }

            (delivery, etag) = fresh;
        }

        return null;
    }

    /// <summary>The attempt is recorded already: a duplicate, or the redelivery of a message whose worker crashed after
    /// recording and before scheduling the next attempt. Re-queue that next attempt; a duplicate of it is dropped later.</summary>
    private async Task ResumeScheduleAsync(WebhookDelivery delivery, WebhookAttemptMessage message, CancellationToken cancellationToken)
    {
        if (delivery is { Status: WebhookDeliveryStatus.Pending, LastAttempt.NextAttemptAt: { } due } && delivery.AttemptCount == message.Attempt && !message.Manual)
        {
            await queue.ScheduleAsync(new WebhookAttemptMessage(delivery.MerchantId, delivery.Id, message.Attempt + 1), due, cancellationToken);
            return;
        }

        WebhookLog.Stale(logger, delivery.Id, message.Attempt);
    }

    private async Task FinishWithoutAttemptAsync(WebhookDelivery delivery, ETag etag, string reason, CancellationToken cancellationToken)
    {
        WebhookLog.DeliveryAbandoned(logger, delivery.Id, reason);
        await deliveries.UpdateAsync(delivery with { Status = WebhookDeliveryStatus.Failed, LastError = reason }, etag, cancellationToken);
    }

    private async Task AbandonAsync(WebhookAttemptMessage message, string reason, CancellationToken cancellationToken)
    {
        var read = await deliveries.GetAsync(message.MerchantId, message.DeliveryId, cancellationToken);
        if (read is { Delivery.Status: WebhookDeliveryStatus.Pending } found && found.Delivery.AttemptCount < message.Attempt)
        {
            await FinishWithoutAttemptAsync(found.Delivery, found.ETag, reason, cancellationToken);
        }
    }

    private WebhookAttemptMessage? Read(string messageText, string queueName)
    {
        try
        {
            return WebhookAttemptMessage.Parse(messageText);
        }
        catch (FormatException ex)
        {
            WebhookLog.Unreadable(logger, queueName, ex.Message);
            return null;
        }
    }
}
