using Checkout.Domain.Monetary;

namespace Checkout.Domain.Ledger;

/// <summary>One attempt of a payout: attempts are numbered from 1 and each retry after a failure is a new attempt.</summary>
public sealed record PayoutFacts(string PayoutId, int Attempt, string MerchantId, Money Amount, DateTimeOffset At)
{
    public string TransactionId(string what) => $"{PayoutId}-a{Attempt}-{what}";
}
