using Checkout.Domain.Ledger;

namespace Checkout.Workflows.Ledger;

/// <summary>A transaction as the ledger table holds it: its header's description and time, and its entries in the order
/// posted. <paramref name="Complete"/> is false when the header is missing or counts other entries than are stored.</summary>
public sealed record LedgerTransactionRecord(string Id, string? Description, DateTimeOffset? At, IReadOnlyList<LedgerEntry> Entries, bool Complete);
