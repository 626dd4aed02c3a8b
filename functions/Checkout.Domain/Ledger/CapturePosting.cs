using Checkout.Domain.Monetary;

namespace Checkout.Domain.Ledger;

/// <summary>The capture's transaction and what it credited to the merchant's balance (the payout's amount).</summary>
public sealed record CapturePosting(LedgerTransaction Transaction, Money MerchantNet);
