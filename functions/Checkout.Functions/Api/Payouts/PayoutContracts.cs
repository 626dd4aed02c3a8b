using System.ComponentModel;
using Checkout.Domain.Monetary;

namespace Checkout.Functions.Api.Payouts;

/// <summary>One payout of a checkout's net proceeds, in the merchant's settlement currency.</summary>
internal sealed record PayoutView(
    string Id,
    string CheckoutId,
    MoneyAmount Amount,
    [property: Description("pending, in_transit, paid, failed or canceled.")] string Status,
    [property: Description("1 for the first send; each retry after a failure is the next attempt.")] int Attempt,
    [property: Description("Why the last attempt failed, e.g. account_closed, invalid_account_number, could_not_process, no_account.")] string? FailureCode,
    string? FailureMessage,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: Description("False while a sandbox runs (payment provider, payout rail or FX sample rates): no real money moves.")] bool Livemode);

/// <summary>The merchant's money in one settlement currency, from its ledger accounts.</summary>
internal sealed record BalanceView(
    string Currency,
    [property: Description("On the merchant balance: credited captures, and payouts that failed and wait for a retry.")] MoneyAmount Available,
    [property: Description("Sent to the payout rail and not yet paid or returned.")] MoneyAmount InTransit);

internal sealed record BalancesView(IReadOnlyList<BalanceView> Data);

/// <summary>The bank account payouts go to. In the sandbox, the account number picks the outcome (see the README).</summary>
internal sealed record PayoutDestinationRequest(
    [property: Description("1 to 100 characters.")] string AccountHolderName,
    [property: Description("4 to 17 digits.")] string AccountNumber,
    [property: Description("ISO 3166-1 alpha-2 country of the bank account.")] string Country);

/// <summary>The destination as stored (the account number masked) and the payouts its change retried.</summary>
internal sealed record PayoutDestinationView(string AccountHolderName, string AccountNumberLast4, string Country, IReadOnlyList<PayoutView> RetriedPayouts);
