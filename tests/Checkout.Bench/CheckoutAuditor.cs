using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Queues;
using Checkout.Domain.Workflow;
using Checkout.Testing;
using Checkout.Workflows;
using Checkout.Workflows.Ledger;
using Checkout.Workflows.Persistence;
using Checkout.Workflows.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Checkout.Bench;

/// <summary>
/// Reads a run's storage directly (the workflow's own store, sandbox captures, payout hand-offs, poison queues) and
/// checks: every checkout terminal (completed, or another terminal status with its reason), at most one capture and one
/// payout per checkout and exactly one each for a completed one, a timeline numbered without gaps with one capture and
/// one payout event, nothing in any poison queue, and the ledger reconciled (every transaction
/// balanced and complete, reported balances equal to their entries, none negative) by the payouts work's own
/// <see cref="LedgerReconciliation"/>.
/// </summary>
internal sealed class CheckoutAuditor : IAsyncDisposable
{
    private const string DevMerchant = "dev";
    private readonly ServiceProvider _services;

    public CheckoutAuditor(string connectionString, string prefix)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Checkout:ResourcePrefix"] = prefix,
            ["Payments:Provider"] = "sandbox",
            ["Payouts:Rail"] = "sandbox",
            ["Fx:Source"] = "sandbox",
        }).AddInMemoryCollection(TestSecrets.Settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddCheckoutWorkflows(configuration);
        _services = services.BuildServiceProvider();
    }

    private CheckoutStore Store => _services.GetRequiredService<CheckoutStore>();

    /// <summary>The id the API derives from the Idempotency-Key (StartCheckoutHandler.CheckoutId), so a checkout whose
    /// start answer the driver never got is still found and audited.</summary>
    public static string CheckoutIdFor(string idempotencyKey) =>
        "co_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DevMerchant + "\n" + idempotencyKey)))[..32];

    public async Task<AuditResult> AuditAsync(IReadOnlyList<CheckoutRecord> records, CancellationToken ct)
    {
        var violations = new List<string>();
        var captures = (await _services.GetRequiredService<SandboxPaymentGateway>().ListCapturesAsync(ct)).ToLookup(c => c.CheckoutId);
        var payouts = (await _services.GetRequiredService<PayoutHandOff>().ListAsync(ct)).ToLookup(p => p.CheckoutId);
        var explained = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var completed = 0;
        foreach (var record in records)
        {
            var id = record.Id ?? CheckoutIdFor(record.IdempotencyKey);
            var phase = await CheckOneAsync(id, captures[id].Count(), payouts[id].Count(), violations, ct);
            if (phase == CheckoutPhase.Completed)
            {
                completed++;
            }
            else if (phase is { } terminal && terminal.IsTerminal())
            {
                explained[terminal.ToStatus()] = explained.GetValueOrDefault(terminal.ToStatus()) + 1;
            }
        }

        violations.AddRange(await PoisonAsync(ct));
        var ledger = await _services.GetRequiredService<LedgerReconciliation>().RunAsync(ct);
        violations.AddRange(ledger.Problems.Select(p => "ledger: " + p));
        return new AuditResult(records.Count, completed, explained, violations, NotAudited) { LedgerTransactions = ledger.Transactions };
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// <summary>What this audit does not prove; said out loud rather than passed silently.</summary>
    private static IReadOnlyList<string> NotAudited { get; } =
    [
        "payouts still in flight on the payout rail when the audit ran are checked for ledger balance only, not for their final status",
    ];

    private async Task<CheckoutPhase?> CheckOneAsync(string id, int captures, int payouts, List<string> violations, CancellationToken ct)
    {
        var stored = await Store.GetAsync(DevMerchant, id, ct);
        if (stored is null)
        {
            violations.Add($"{id}: started but not found");
            return null;
        }

        var phase = stored.State.Phase;
        if (!phase.IsTerminal())
        {
            violations.Add($"{id}: stuck in {phase.ToStatus()}");
        }

        CheckEffects(id, phase, captures, payouts, stored.Timeline, violations);
        return phase;
    }

    private static void CheckEffects(string id, CheckoutPhase phase, int captures, int payouts, IReadOnlyList<HistoryEntry> history, List<string> violations)
    {
        var expected = phase == CheckoutPhase.Completed ? 1 : -1;
        Check(captures, expected, "capture(s) in the payment sandbox");
        Check(payouts, expected, "payout hand-off(s)");
        Check(history.Count(h => h.EventType == "PaymentCaptured"), expected, "PaymentCaptured history event(s)");
        Check(history.Count(h => h.EventType == "PayoutHandedOff"), expected, "PayoutHandedOff history event(s)");
        if (!history.Select(h => h.Sequence).SequenceEqual(Enumerable.Range(1, history.Count)))
        {
            violations.Add($"{id}: history sequence has gaps or repeats ({string.Join(",", history.Select(h => h.Sequence))})");
        }

        // expected -1: not completed, so at most one of each effect is allowed.
        void Check(int actual, int wanted, string what)
        {
            if ((wanted == 1 && actual != 1) || (wanted == -1 && actual > 1))
            {
                violations.Add($"{id} ({phase.ToStatus()}): {actual} {what}");
            }
        }
    }

    private async Task<IEnumerable<string>> PoisonAsync(CancellationToken ct)
    {
        var options = _services.GetRequiredService<CheckoutWorkflowOptions>();
        var queues = _services.GetRequiredService<QueueServiceClient>();
        var found = new List<string>();
        foreach (var name in new[] { options.PayoutsQueue, options.WebhooksQueue, options.WebhookDeliveriesQueue }.Select(q => q + "-poison"))
        {
            var count = await StorageClients.ApproximateCountAsync(queues.GetQueueClient(name), ct);
            if (count > 0)
            {
                found.Add($"{count} message(s) in {name}");
            }
        }

        return found;
    }
}
