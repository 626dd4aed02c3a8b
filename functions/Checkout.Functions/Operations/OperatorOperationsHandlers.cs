using Azure.Storage.Queues;
using Checkout.Domain.Fx;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payouts;
using Checkout.Functions.Api;
using Checkout.Functions.Api.Payouts;
using Checkout.Workflows;
using Checkout.Workflows.Fx;
using Checkout.Workflows.Merchants;
using Checkout.Workflows.Payouts;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Ledger;
using Checkout.Workflows.Providers;
using Checkout.Workflows.Webhooks;
using Microsoft.DurableTask.Client;

namespace Checkout.Functions.Operations;

/// <summary>
/// The console's views beyond one checkout (what needs attention, payouts, a merchant's balances, FX rates in force,
/// activity per minute) and the actions on payouts, webhook deliveries and orchestrations. As for checkouts, an action
/// on a merchant's resource runs the merchant API's handler as that merchant, and every action is recorded.
/// </summary>
internal static class OperatorOperationsHandlers
{
    /// <summary>Rows a view reads at most: the console is for looking into a few things, not exporting them.</summary>
    private const int MaxRows = 500;

    private const int MaxLedgerTransactions = 100;

    /// <summary>Checkouts that need an operator, payouts that failed, and what sits in a poison queue, with why.</summary>
    public static async Task<IResult> AttentionAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<CheckoutWorkflowOptions>();
        var checkouts = (await services.GetRequiredService<CheckoutStore>().ListAllInStatusAsync("needs_attention", MaxRows, cancellationToken))
            .Select(c => new AttentionCheckoutView(
                c.State.Id, c.State.MerchantId, c.State.MerchantReference, c.State.UpdatedAt,
                c.State.Rejection is { } why ? $"{why.Code}: {why.Detail}" : "No reason recorded."))
            .ToList();
        var payouts = (await services.GetRequiredService<PayoutStore>().ListAllAsync(cancellationToken))
            .Where(p => p.Status == PayoutStatus.Failed)
            .OrderByDescending(p => p.UpdatedAt)
            .Take(MaxRows)
            .Select(p => new OperatorPayoutView(p.MerchantId, PayoutViews.Payout(p, services.GetRequiredService<ProviderMode>().LiveMode)))
            .ToList();
        var queues = services.GetRequiredService<QueueServiceClient>();
        var poison = new List<PoisonMessageView>();
        foreach (var queue in SourceQueues(options))
        {
            var client = queues.GetQueueClient(queue + PoisonSuffix);
            if (!(await client.ExistsAsync(cancellationToken)).Value)
            {
                continue;
            }

            var peeked = await client.PeekMessagesAsync(32, cancellationToken);
            poison.AddRange(peeked.Value.Select(m => new PoisonMessageView(
                queue + PoisonSuffix, queue, m.MessageId, m.InsertedOn, m.DequeueCount, Excerpt(m.Body.ToString()),
                "Failed on every delivery to its queue; the app's poison handler for this queue records the failure (a failed payout, a failed delivery) and removes it, unless that handler is disabled or failing too.")));
        }

        return ApiResponse.Json(StatusCodes.Status200OK, new AttentionView(checkouts, payouts, poison));
    }

    public static async Task<IResult> PayoutsAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var reader = new QueryReader(context.Request.Query);
        var status = reader.Single("status");
        var statuses = Enum.GetValues<PayoutStatus>().Select(s => s.ToWire()).ToList();
        if (status is not null && !statuses.Contains(status))
        {
            reader.Fail("status", $"Must be one of {string.Join(", ", statuses)}.");
        }

        if (reader.Problem() is { } problem)
        {
            return problem;
        }

        var services = context.RequestServices;
        var livemode = services.GetRequiredService<ProviderMode>().LiveMode;
        var payouts = (await services.GetRequiredService<PayoutStore>().ListAllAsync(cancellationToken))
            .Where(p => status is null || p.Status.ToWire() == status)
            .OrderByDescending(p => p.UpdatedAt)
            .Take(MaxRows)
            .Select(p => new OperatorPayoutView(p.MerchantId, PayoutViews.Payout(p, livemode)))
            .ToList();
        return ApiResponse.Json(StatusCodes.Status200OK, new { data = payouts });
    }

    /// <summary>The merchant's balances by account, as the merchant's own <c>GET /api/balances</c> answers.</summary>
    public static Task<IResult> BalancesAsync(HttpContext context, string merchantId, CancellationToken cancellationToken)
    {
        MerchantAuthentication.ActAs(context, merchantId);
        var services = context.RequestServices;
        return PayoutHandlers.BalancesAsync(context, services.GetRequiredService<LedgerStore>(), services.GetRequiredService<MerchantProfileStore>(), cancellationToken);
    }

    /// <summary>The merchant's newest ledger transactions (at most <see cref="MaxLedgerTransactions"/>), each with its
    /// entries: what moved its balances, and when.</summary>
    public static async Task<IResult> LedgerAsync(HttpContext context, string merchantId, CancellationToken cancellationToken)
    {
        var transactions = await context.RequestServices.GetRequiredService<LedgerStore>().ListTransactionsAsync(merchantId, MaxLedgerTransactions, cancellationToken);
        return ApiResponse.Json(StatusCodes.Status200OK, new LedgerView(
            merchantId,
            [.. transactions.Select(t => new LedgerTransactionView(
                t.Id, t.Description, t.At, t.Complete,
                [.. t.Entries.Select(e => new LedgerEntryView(e.Account.Key, e.Direction == Checkout.Domain.Ledger.EntryDirection.Debit ? "debit" : "credit", MoneyAmount.FromMoney(e.Amount)))]))]));
    }

    /// <summary>The FX rates every quote uses now, with their as-of dates and sources, and the last fetch.</summary>
    public static async Task<IResult> FxAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var health = await services.GetRequiredService<FxRateHealth>().CheckAsync(includeLastFetch: true, cancellationToken);
        IReadOnlyList<FxRateView> rates;
        try
        {
            var set = services.GetRequiredService<IFxRateSource>().GetCurrentRates();
            rates = [.. set.Rates.OrderBy(r => r.Currency.Value, StringComparer.Ordinal).Select(r => new FxRateView(r.Currency.Value, r.UnitsPerEuro.ToString(System.Globalization.CultureInfo.InvariantCulture), r.AsOf, r.Source))];
        }
        catch (FxRatesUnavailableException)
        {
            rates = [];
        }

        return ApiResponse.Json(StatusCodes.Status200OK, new FxView(health, rates));
    }

    /// <summary>Checkouts started, completed and failed (rejected, failed, expired or needing attention) per minute over
    /// the last <c>hours</c> (1 to 24, default 3), from the checkouts' creation and last-update times.</summary>
    public static async Task<IResult> ActivityAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var reader = new QueryReader(context.Request.Query);
        var hoursText = reader.Single("hours");
        var hours = 3;
        if (hoursText is not null && (!int.TryParse(hoursText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out hours) || hours is < 1 or > 24))
        {
            reader.Fail("hours", "Must be a whole number of hours from 1 to 24.");
        }

        if (reader.Problem() is { } problem)
        {
            return problem;
        }

        var services = context.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var from = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddHours(-hours).AddMinutes(1);
        var minutes = new SortedDictionary<DateTimeOffset, int[]>();
        for (var minute = from; minute <= now; minute = minute.AddMinutes(1))
        {
            minutes[minute] = new int[3];
        }

        await foreach (var checkout in services.GetRequiredService<CheckoutStore>().ListAllUpdatedSinceAsync(from, cancellationToken))
        {
            // A checkout created before the window but finished in it counts only as finished.
            Count(minutes, checkout.CreatedAt, 0);
            Count(minutes, checkout.UpdatedAt, checkout.Status == "completed" ? 1 : checkout.Status is "rejected" or "failed" or "expired" or "needs_attention" ? 2 : -1);
        }

        return ApiResponse.Json(StatusCodes.Status200OK, new ActivityView(
            from, now, [.. minutes.Select(m => new ActivityMinuteView(m.Key, m.Value[0], m.Value[1], m.Value[2]))]));
    }

    public static async Task<IResult> RetryPayoutAsync(HttpContext context, string merchantId, string payoutId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        MerchantAuthentication.ActAs(context, merchantId);
        var services = context.RequestServices;
        var answer = await PayoutHandlers.RetryAsync(
            context, payoutId, new PayoutRetrying(services.GetRequiredService<PayoutRetries>(), services.GetRequiredService<PayoutOrchestrations>(), client),
            services.GetRequiredService<IdempotentPost>(), cancellationToken);
        return await RecordAsync(context, payoutId, "retry payout", answer, cancellationToken);
    }

    public static async Task<IResult> RedeliverAsync(HttpContext context, string merchantId, string deliveryId, CancellationToken cancellationToken)
    {
        MerchantAuthentication.ActAs(context, merchantId);
        var services = context.RequestServices;
        var answer = await WebhookDeliveryHandlers.RedeliverAsync(
            context, deliveryId, services.GetRequiredService<WebhookDeliveryStore>(), services.GetRequiredService<WebhookEndpointStore>(),
            services.GetRequiredService<WebhookAttemptScheduler>(), services.GetRequiredService<IdempotentPost>(), cancellationToken);
        return await RecordAsync(context, deliveryId, "redeliver webhook", answer, cancellationToken);
    }

    /// <summary>Moves one message of a poison queue back to the queue it came from (after the cause was fixed, or while
    /// the poison handler is disabled): sent to the source queue first, then deleted from the poison queue, so a crash
    /// in between leaves a copy in each, never none; the queues' handlers take a repeated message as a redelivery.
    /// Queue storage finds a message only by receiving it, so the poison queue's visible messages are received in
    /// batches under a short lease and every other one is made visible again at once. 404 when the message is no
    /// longer there (handled by the poison handler, or moved already); the Idempotency-Key replays the first answer.</summary>
    public static async Task<IResult> MoveBackAsync(HttpContext context, string poisonQueue, string messageId, CancellationToken cancellationToken)
    {
        var (key, requestProblem) = await IdempotentPost.ReadActionAsync(context.Request, cancellationToken);
        if (requestProblem is not null)
        {
            return requestProblem;
        }

        var services = context.RequestServices;
        var source = SourceQueues(services.GetRequiredService<CheckoutWorkflowOptions>()).FirstOrDefault(q => q + PoisonSuffix == poisonQueue);
        if (source is null)
        {
            return ApiProblems.NotFound("poison queue", poisonQueue, $"the console moves messages from {string.Join(", ", SourceQueues(services.GetRequiredService<CheckoutWorkflowOptions>()).Select(q => q + PoisonSuffix))}.");
        }

        var answer = await services.GetRequiredService<IdempotentPost>().RunAsync(
            context.Request, OperatorActionLog.IdempotencyScope, key, [], () => MoveBackAsync(services.GetRequiredService<QueueServiceClient>(), poisonQueue, source, messageId, cancellationToken), cancellationToken);
        return await RecordAsync(context, messageId, $"move poison message back to {source}", answer, cancellationToken);
    }

    private static async Task<ApiResponse> MoveBackAsync(QueueServiceClient queues, string poisonQueue, string source, string messageId, CancellationToken cancellationToken)
    {
        var poison = queues.GetQueueClient(poisonQueue);
        var lease = TimeSpan.FromSeconds(30);
        for (var round = 0; round < MaxRows / 32; round++)
        {
            var received = (await poison.ReceiveMessagesAsync(32, lease, cancellationToken)).Value;
            if (received.Length == 0)
            {
                break;
            }

            var found = received.FirstOrDefault(m => m.MessageId == messageId);
            if (found is not null)
            {
                await queues.GetQueueClient(source).SendMessageAsync(found.Body, cancellationToken: cancellationToken);
                await poison.DeleteMessageAsync(found.MessageId, found.PopReceipt, cancellationToken);
            }

            await Task.WhenAll(received.Where(m => m != found).Select(m => poison.UpdateMessageAsync(m.MessageId, m.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken)));
            if (found is not null)
            {
                return ApiResponse.Json(StatusCodes.Status200OK, new { id = messageId, status = "moved", from = poisonQueue, to = source });
            }
        }

        return ApiProblems.NotFound("poison message", messageId, $"{poisonQueue} does not hold it (any more): its poison handler took it, or it was moved back already.");
    }

    /// <summary>Terminates a checkout's orchestration that is still running (it then stays where it stopped, and the
    /// checkout with it: for one stuck beyond repair); 409 when it is not running. Terminating twice is one termination.</summary>
    public static async Task<IResult> TerminateAsync(HttpContext context, string id, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken);
        ApiResponse answer;
        if (instance is null)
        {
            answer = ApiProblems.NotFound(id);
        }
        else if (instance.RuntimeStatus is OrchestrationRuntimeStatus.Terminated)
        {
            answer = ApiResponse.Json(StatusCodes.Status200OK, new { id, status = "terminated" });
        }
        else if (!instance.IsRunning)
        {
            answer = ApiProblems.Conflict("orchestration.not_running", $"The orchestration is {instance.RuntimeStatus}: only a running one can be terminated.", p => p);
        }
        else
        {
            await client.TerminateInstanceAsync(id, new TerminateInstanceOptions { Output = $"Terminated by operator {OperatorAuthentication.OperatorOf(context)}" }, cancellationToken);
            answer = ApiResponse.Json(StatusCodes.Status202Accepted, new { id, status = "terminating" });
        }

        return await RecordAsync(context, id, "terminate orchestration", answer, cancellationToken);
    }

    /// <summary>Purges a finished orchestration's history from the engine (the checkout's own row and timeline stay);
    /// 409 while it runs. Purging one already purged answers 404.</summary>
    public static async Task<IResult> PurgeAsync(HttpContext context, string id, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken);
        ApiResponse answer;
        if (instance is null)
        {
            answer = ApiProblems.Conflict("orchestration.not_found", "The engine holds no orchestration with this id: it was purged already, or never started.", p => p);
        }
        else if (instance.IsRunning || instance.RuntimeStatus == OrchestrationRuntimeStatus.Pending)
        {
            answer = ApiProblems.Conflict("orchestration.running", $"The orchestration is {instance.RuntimeStatus}: terminate it, or let it finish, before purging it.", p => p);
        }
        else
        {
            var purged = await client.PurgeInstanceAsync(id, new PurgeInstanceOptions(), cancellationToken);
            answer = ApiResponse.Json(StatusCodes.Status200OK, new { id, purged = purged.PurgedInstanceCount });
        }

        return await RecordAsync(context, id, "purge orchestration", answer, cancellationToken);
    }

    private static async Task<IResult> RecordAsync(HttpContext context, string target, string action, IResult answer, CancellationToken cancellationToken)
    {
        if (answer is ApiResponse response)
        {
            await context.RequestServices.GetRequiredService<OperatorActionLog>().RecordAsync(
                target, OperatorAuthentication.OperatorOf(context), action, response, context.Request.Headers[IdempotentPost.HeaderName].ToString(), cancellationToken);
        }

        return answer;
    }

    private static void Count(SortedDictionary<DateTimeOffset, int[]> minutes, DateTimeOffset? at, int column)
    {
        if (column < 0 || at is not { } time)
        {
            return;
        }

        var minute = new DateTimeOffset(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        if (minutes.TryGetValue(minute, out var counts))
        {
            counts[column]++;
        }
    }

    private const string PoisonSuffix = "-poison";

    /// <summary>The queues whose poison queues the console shows (the Functions host names each <c>{queue}-poison</c>).</summary>
    private static string[] SourceQueues(CheckoutWorkflowOptions options) => [options.PayoutsQueue, options.WebhooksQueue, options.WebhookDeliveriesQueue];

    private static string Excerpt(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
