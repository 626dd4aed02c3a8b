using System.Diagnostics;
using System.Text.Json;

namespace Checkout.Bench;

/// <summary>
/// Drives checkouts through the HTTP API as a merchant's site and its buyers would: start, poll the status until
/// <c>awaiting_confirmation</c>, confirm the quote shown, poll until <c>completed</c>. At most
/// <see cref="LoadPlan.Concurrency"/> checkouts are in flight; with a rate, starts are also paced to it.
/// </summary>
internal sealed class LoadDriver(CheckoutApiClient api, LoadPlan plan)
{
    /// <summary>A checkout not finished by then is recorded where it stopped, rather than holding the run forever.</summary>
    private static readonly TimeSpan CheckoutDeadline = TimeSpan.FromMinutes(4);

    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(1);
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
        var quoteId = await PollUntilAsync(record, "awaiting_confirmation", ct);
        if (quoteId is null)
        {
            return;
        }

        record.AwaitingSeenAt = Now;
        record.ConfirmSentAt = Now;
        await api.ConfirmAsync(record.Index, record.Id, quoteId, ct);
        if (await PollUntilAsync(record, "completed", ct) is not null)
        {
            record.CompletedSeenAt = Now;
        }
    }

    /// <summary>Polls until the status is <paramref name="wanted"/> (returning the quote id, or "" when there is none)
    /// or the checkout ends elsewhere (returning null, its status recorded).</summary>
    private async Task<string?> PollUntilAsync(CheckoutRecord record, string wanted, CancellationToken ct)
    {
        // Back off (first poll after the interval, doubling up to a second): every poll is a request and storage reads
        // that compete with the workflow for Azurite, so a fixed fast poll would measure mostly the polling.
        var delay = plan.PollInterval;
        while (true)
        {
            await Task.Delay(delay, ct);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Math.Max(MaxPollInterval.Ticks, plan.PollInterval.Ticks)));
            record.Polls++;
            using var status = await api.StatusAsync(record.Index, record.Id!, history: false, ct);
            var root = status.RootElement;
            record.FinalStatus = root.GetProperty("status").GetString();
            if (record.FinalStatus == wanted)
            {
                return root.TryGetProperty("quote", out var quote) && quote.ValueKind == JsonValueKind.Object
                    ? quote.GetProperty("id").GetString() ?? string.Empty
                    : string.Empty;
            }

            if (record.FinalStatus is "completed" or "rejected" or "expired" or "canceled" or "failed" or "needs_attention")
            {
                return null;
            }
        }
    }
}
