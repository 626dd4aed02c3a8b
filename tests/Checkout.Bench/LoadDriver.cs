using System.Diagnostics;
using System.Text.Json;

namespace Checkout.Bench;

/// <summary>
/// Drives checkouts through the HTTP API as a merchant's site and its buyers would: start, wait for the
/// <c>checkout.awaiting_confirmation</c> webhook, confirm the quote it names, wait for <c>checkout.completed</c>. A
/// site that is told by webhooks does not poll, so neither does the driver, unless a webhook is late
/// (<see cref="WebhookPatience"/>): then it reads the status once, counted as a poll. At most
/// <see cref="LoadPlan.Concurrency"/> checkouts are in flight; with a rate, starts are also paced to it.
/// </summary>
internal sealed class LoadDriver(CheckoutApiClient api, WebhookReceiver webhooks, LoadPlan plan)
{
    /// <summary>A checkout not finished by then is recorded where it stopped, rather than holding the run forever.</summary>
    private static readonly TimeSpan CheckoutDeadline = TimeSpan.FromMinutes(4);

    /// <summary>How long the driver waits for a checkout's next webhook before reading its status instead: long enough
    /// that a loaded run's deliveries (seconds at the 99th percentile) do not turn into polls, short enough that a
    /// delivery lost to a killed instance (redelivered only after its retry delay) does not stall the chaos round.</summary>
    private static readonly TimeSpan WebhookPatience = TimeSpan.FromSeconds(15);
    private readonly Stopwatch _clock = new();
    private int _firstErrorShown;

    public async Task<IReadOnlyList<CheckoutRecord>> RunAsync(string runId, string label, CancellationToken ct)
    {
        var records = Enumerable.Range(0, plan.Checkouts).Select(i => new CheckoutRecord(i, $"{runId}-{i:D5}")).ToArray();
        using var slots = new SemaphoreSlim(plan.Concurrency);
        using var progress = new ProgressLine(label, plan.Checkouts);
        var running = new List<Task>(plan.Checkouts);
        _clock.Start();
        foreach (var record in records)
        {
            await PaceAsync(record.Index, ct);
            await slots.WaitAsync(ct);
            progress.Started();
            running.Add(RunOneAsync(record, progress, slots, ct));
        }

        await Task.WhenAll(running);
        return records;
    }

    /// <summary>Seconds since the run started, on the driver's clock.</summary>
    public double Now => _clock.Elapsed.TotalSeconds;

    private async Task PaceAsync(int index, CancellationToken ct)
    {
        if (plan.Rate is not { } rate)
        {
            return;
        }

        var due = TimeSpan.FromSeconds(index / rate) - _clock.Elapsed;
        if (due > TimeSpan.Zero)
        {
            await Task.Delay(due, ct);
        }
    }

    private async Task RunOneAsync(CheckoutRecord record, ProgressLine progress, SemaphoreSlim slots, CancellationToken ct)
    {
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(CheckoutDeadline);
            await DriveAsync(record, deadline.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException or KeyNotFoundException)
        {
            record.Error = ex.GetType().Name + ": " + ex.Message;
            if (Interlocked.Exchange(ref _firstErrorShown, 1) == 0)
            {
                Console.Error.WriteLine($"\nFirst failed checkout ({record.IdempotencyKey}): {record.Error}");
            }
        }
        finally
        {
            progress.Finished(record.FinalStatus == "completed");
            slots.Release();
        }
    }

    private async Task DriveAsync(CheckoutRecord record, CancellationToken ct)
    {
        record.StartSentAt = Now;
        record.Id = await api.StartAsync(record.Index, record.IdempotencyKey, ct);
        try
        {
            var quoteId = await WaitUntilAsync(record, "awaiting_confirmation", ct);
            if (quoteId is null)
            {
                return;
            }

            record.AwaitingSeenAt = Now;
            record.ConfirmSentAt = Now;
            await api.ConfirmAsync(record.Index, record.Id, quoteId, ct);
            if (await WaitUntilAsync(record, "completed", ct) is not null)
            {
                record.CompletedSeenAt = Now;
            }
        }
        finally
        {
            webhooks.Forget(record.Id);
        }
    }

    /// <summary>Waits until the checkout is <paramref name="wanted"/> (returning the quote id, or "" when there is none)
    /// or ends elsewhere (returning null, its status recorded): told by its webhooks, or by a status read when none
    /// came for <see cref="WebhookPatience"/>. A repeated delivery of an earlier event is passed over.</summary>
    private async Task<string?> WaitUntilAsync(CheckoutRecord record, string wanted, CancellationToken ct)
    {
        while (true)
        {
            var (status, quoteId) = await webhooks.NextCheckoutEventAsync(record.Id!, WebhookPatience, ct) ?? await PollAsync(record, ct);
            record.FinalStatus = status;
            if (status == wanted)
            {
                return quoteId ?? string.Empty;
            }

            if (status is "completed" or "rejected" or "expired" or "canceled" or "failed" or "needs_attention")
            {
                return null;
            }
        }
    }

    private async Task<(string Status, string? QuoteId)> PollAsync(CheckoutRecord record, CancellationToken ct)
    {
        record.Polls++;
        using var status = await api.StatusAsync(record.Index, record.Id!, history: false, ct);
        var root = status.RootElement;
        return (root.GetProperty("status").GetString()!,
            root.TryGetProperty("quote", out var quote) && quote.ValueKind == JsonValueKind.Object ? quote.GetProperty("id").GetString() : null);
    }
}
