using Azure;
using Azure.Storage.Queues;
using Checkout.Workflows.Events;
using Checkout.Workflows.Providers;
using Microsoft.Extensions.Logging;

namespace Checkout.Workflows.Webhooks;

/// <summary>
/// Consumes the webhooks queue: for each event of a message, one delivery to each enabled endpoint that wants the
/// event's type, whose first attempt is made right here; only retries travel as delayed attempt messages. A message's
/// first delivery writes nothing before attempting: it makes every first attempt at once, then writes the deliveries'
/// rows, each holding its attempt, in one batch per merchant, then queues the retries of the attempts that failed
/// (after the rows, so each retry finds its row). That is one table request per message and merchant instead of an add
/// and an update per delivery, and a queue hop of latency saved against queueing the first attempt too.
/// The price is at-least-once first attempts: a crash (or a failed write) after an attempt and before its row means
/// the redelivered message attempts it again, with the same <c>webhook-id</c>, on which Standard Webhooks receivers
/// deduplicate. A redelivered message (or the poison handler) reads first which rows exist: it attempts only
/// deliveries without one, and queues again the retry of a recorded failed first attempt, which a crash before its
/// scheduling would otherwise leave pending for good (a retry queued twice is dropped as stale by the handler).
/// The same events arriving in another message (a workflow step run twice announces them again) are attempted, and
/// find their rows written: the record stands, the extra HTTP attempt is added to it as a duplicate.
/// </summary>
public sealed class WebhookFanOut(
    WebhookEndpointStore endpoints,
    WebhookDeliveryStore deliveries,
    WebhookDeliveryHandler attempts,
    QueueServiceClient queues,
    CheckoutWorkflowOptions options,
    TimeProvider clock,
    ProviderMode mode,
    ILogger<WebhookFanOut> logger)
{
    /// <summary>How long a poisoned fan-out that failed again waits before its next try.</summary>
    public static readonly TimeSpan PoisonRetryDelay = TimeSpan.FromMinutes(5);

    public async Task HandleAsync(string messageText, long dequeueCount, CancellationToken cancellationToken)
    {
        var batch = Read(messageText, options.WebhooksQueue);
        var events = batch.Events;
        try
        {
            await FanOutAsync(events, redelivered: dequeueCount > 1 || batch.Attempted, cancellationToken);
        }
        catch (Exception ex) when (dequeueCount >= options.MaxDequeueCount && ex is not OperationCanceledException)
        {
            WebhookLog.FanOutGivingUp(logger, ex, Ids(events), dequeueCount);
            throw;
        }
    }

    /// <summary>A fan-out that kept failing (storage trouble, almost always): try again; if it still fails, park the
    /// message in the poison queue for <see cref="PoisonRetryDelay"/> and log why, rather than drop merchant events.</summary>
    public async Task HandlePoisonAsync(string messageText, CancellationToken cancellationToken)
    {
        var poisonQueue = options.WebhooksQueue + "-poison";
        var events = Read(messageText, poisonQueue).Events;
        try
        {
            await FanOutAsync(events, redelivered: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WebhookLog.FanOutParked(logger, ex, Ids(events), PoisonRetryDelay);
            await queues.GetQueueClient(poisonQueue).SendMessageAsync(messageText, PoisonRetryDelay, TimeSpan.FromSeconds(-1), cancellationToken);
        }
    }

    /// <summary>The first delivery of events published just now, made by their publisher itself
    /// (<see cref="WebhookPublisher"/>): as a message's first delivery, with nothing read first.</summary>
    public Task DeliverFirstAsync(IReadOnlyList<MerchantEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        return FanOutAsync(events, redelivered: false, cancellationToken);
    }

    private async Task FanOutAsync(IReadOnlyList<MerchantEvent> events, bool redelivered, CancellationToken cancellationToken)
    {
        foreach (var merchant in events.GroupBy(e => e.MerchantId, StringComparer.Ordinal))
        {
            var targets = (await endpoints.ListForDeliveryAsync(merchant.Key, cancellationToken)).Where(e => e.Enabled).ToList();
            var planned = new List<PlannedDelivery>();
            foreach (var merchantEvent in merchant)
            {
                var matching = targets.Where(e => e.Wants(merchantEvent.Type)).ToList();
                planned.AddRange(matching.Select(endpoint => new PlannedDelivery(NewDelivery(merchantEvent, endpoint), endpoint)));
                WebhookLog.FannedOut(logger, merchantEvent.Id, merchantEvent.Type, merchant.Key, matching.Count);
            }

            // One row per delivery id: an event listed twice in a message would otherwise make the batch refuse itself.
            planned = [.. planned.DistinctBy(p => p.Delivery.Id, StringComparer.Ordinal)];
            var unrecorded = redelivered ? await ResumeRecordedAsync(planned, cancellationToken) : planned;
            await AttemptAndRecordAsync(merchant.Key, unrecorded, cancellationToken);
        }
    }

    /// <summary>
    /// On a redelivered message, settles the deliveries that have rows and answers those that have none (their first
    /// attempt, if made, was never recorded). A row without an attempt (left by a fan-out from before first attempts
    /// were written with their rows) gets its first attempt on that row; a row pending after its first attempt gets
    /// its retry queued again. Point reads, in parallel: exact, and redeliveries are rare.
    /// </summary>
    private async Task<IReadOnlyList<PlannedDelivery>> ResumeRecordedAsync(IReadOnlyList<PlannedDelivery> planned, CancellationToken cancellationToken)
    {
        var rows = await Task.WhenAll(planned.Select(p => deliveries.GetAsync(p.Delivery.MerchantId, p.Delivery.Id, cancellationToken)));
        var unrecorded = new List<PlannedDelivery>();
        var settling = new List<Task>();
        for (var i = 0; i < planned.Count; i++)
        {
            switch (rows[i])
            {
                case null:
                    unrecorded.Add(planned[i]);
                    break;
                case { Delivery: { AttemptCount: 0, Status: WebhookDeliveryStatus.Pending } delivery, ETag: var etag }:
                    settling.Add(attempts.AttemptFirstAsync(delivery, etag, planned[i].Endpoint, cancellationToken));
                    break;
                case { Delivery: { AttemptCount: 1, Status: WebhookDeliveryStatus.Pending } delivery }:
                    // Attempt 2 onwards queue their own successors; only the fan-out's retry can be missing.
                    WebhookLog.NextAttemptRequeued(logger, delivery.Id, delivery.AttemptCount);
                    settling.Add(attempts.ScheduleNextAsync(delivery, cancellationToken));
                    break;
            }
        }

        await Task.WhenAll(settling);
        return unrecorded;
    }

    /// <summary>First attempts of deliveries without rows, all at once; then their rows, each holding its attempt, in
    /// one batch (per 100 rows); then the retries of those that failed. A row found written already keeps its record
    /// and gets this HTTP attempt added to it instead (see <see cref="WebhookDeliveryHandler.RecordOnExistingAsync"/>).
    /// If the write fails the message is retried, and makes these attempts again.</summary>
    private async Task AttemptAndRecordAsync(string merchantId, IReadOnlyList<PlannedDelivery> planned, CancellationToken cancellationToken)
    {
        if (planned.Count == 0)
        {
            return;
        }

        var outcomes = await Task.WhenAll(planned.Select(p => attempts.SendAsync(p.Delivery, p.Endpoint, FirstAttempt(p.Delivery), cancellationToken)));
        var rows = planned.Select((p, i) => outcomes[i].AppliedTo(p.Delivery)).ToList();
        IReadOnlyList<WebhookDelivery> existed;
        try
        {
            existed = await deliveries.AddAllAsync(rows, cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            WebhookLog.FirstAttemptsNotRecorded(logger, ex, string.Join(", ", rows.Select(r => r.Id)), merchantId);
            throw;
        }

        WebhookLog.FirstAttemptsRecorded(logger, merchantId, rows.Count - existed.Count);
        var written = existed.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        await Task.WhenAll(rows.Select((row, i) => written.Contains(row.Id)
            ? RecordOnExistingAsync(row, outcomes[i], cancellationToken)
            : attempts.ScheduleNextAsync(row, cancellationToken)));
    }

    private Task RecordOnExistingAsync(WebhookDelivery row, WebhookAttemptOutcome outcome, CancellationToken cancellationToken)
    {
        WebhookLog.DeliveryWrittenAlready(logger, row.Id, row.EventId);
        return attempts.RecordOnExistingAsync(row, outcome, cancellationToken);
    }

    private WebhookDelivery NewDelivery(MerchantEvent merchantEvent, WebhookEndpoint endpoint) => new(
        WebhookIds.DeliveryId(merchantEvent.Timestamp, merchantEvent.Id, endpoint.Id), merchantEvent.MerchantId, endpoint.Id,
        merchantEvent.Id, merchantEvent.Type, WebhookIds.WebhookId(merchantEvent.Id), WebhookPayload.Serialize(merchantEvent, mode.LiveMode),
        clock.GetUtcNow(), WebhookDeliveryStatus.Pending, 0, []);

    private static WebhookAttemptMessage FirstAttempt(WebhookDelivery delivery) => new(delivery.MerchantId, delivery.Id, 1);

    private MerchantEventBatch Read(string messageText, string queueName)
    {
        try
        {
            return MerchantEventBatch.Read(messageText);
        }
        catch (FormatException ex)
        {
            WebhookLog.Unreadable(logger, queueName, ex.Message);
            return new MerchantEventBatch([]);
        }
    }

    /// <summary>The events' ids, for a log line.</summary>
    internal static string Ids(IReadOnlyList<MerchantEvent> events) => string.Join(", ", events.Select(e => e.Id));

    private sealed record PlannedDelivery(WebhookDelivery Delivery, WebhookEndpoint Endpoint);
}
