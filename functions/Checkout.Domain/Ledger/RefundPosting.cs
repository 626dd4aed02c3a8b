using Checkout.Domain.Monetary;

namespace Checkout.Domain.Ledger;

/// <summary>A refund's transaction and what it debited from the merchant's balance, in the settlement currency.</summary>
public sealed record RefundPosting(LedgerTransaction Transaction, Money MerchantDebit);
