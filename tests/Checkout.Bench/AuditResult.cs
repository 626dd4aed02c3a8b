namespace Checkout.Bench;

/// <summary>The invariants checked after a run: violations fail the bench; explained outcomes and what could not be
/// audited in this build are reported, never hidden.</summary>
internal sealed record AuditResult(
    int Checkouts,
    int Completed,
    IReadOnlyDictionary<string, int> ExplainedTerminal,
    IReadOnlyList<string> Violations,
    IReadOnlyList<string> NotAudited)
{
    /// <summary>Ledger transactions the reconciliation checked.</summary>
    public int LedgerTransactions { get; init; }

    public bool Passed => Violations.Count == 0;
}
