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

/// <summary>The bank account payouts go to, in its country's scheme: an IBAN (with the BIC for PK, AE and SA) in IBAN
/// countries; routingNumber and accountNumber in the US; cardNumber and bankName in CN; bankCode, branchCode and
/// accountNumber (and optionally bic) in HK; accountNumber and bic in MO. In the sandbox, the account number's last 9
/// digits pick the outcome (see the README).</summary>
internal sealed record PayoutDestinationRequest(
    [property: Description("1 to 100 characters.")] string AccountHolderName,
    [property: Description("ISO 3166-1 alpha-2 country of the bank account: an IBAN country, US, CN, HK or MO.")] string Country,
    [property: Description("The payout currency, one the country's accounts are held in: PKR for PK, MOP or HKD for MO, HKD for HK, CNY for CN, EUR in the euro area. It must be the merchant's settlement currency.")] string Currency,
    [property: Description("IBAN countries: the IBAN (ISO 13616, mod-97 checked, the country's length; spaces allowed).")] string? Iban = null,
    [property: Description("SWIFT/BIC (ISO 9362) of the bank, 8 or 11 characters, in the account's country: required for MO and for IBANs of PK, AE and SA; optional for HK and other IBAN countries.")] string? Bic = null,
    [property: Description("CN: the bank debit card number, 16 to 19 digits with a Luhn check digit.")] string? CardNumber = null,
    [property: Description("CN: the name of the bank that issued the card.")] string? BankName = null,
    [property: Description("HK: the 3-digit HKICL bank code.")] string? BankCode = null,
    [property: Description("HK: the 3-digit branch code.")] string? BranchCode = null,
    [property: Description("US: 4 to 17 digits; HK: 6 to 12 digits; MO: 6 to 20 digits.")] string? AccountNumber = null,
    [property: Description("US: the 9-digit ABA routing number.")] string? RoutingNumber = null);

/// <summary>The destination as stored (the account number masked) and the payouts its change retried.</summary>
internal sealed record PayoutDestinationView(
    string AccountHolderName,
    string Country,
    [property: Description("The currency payouts to this account are made in.")] string Currency,
    [property: Description("iban, us_ach, china_bank_card, hong_kong_local or macau_local.")] string Scheme,
    [property: Description("The account number masked, e.g. PK36 **** 6789 or **** 6789.")] string Account,
    string AccountNumberLast4,
    string? Bic,
    string? BankCode,
    string? BranchCode,
    string? BankName,
    string? RoutingNumber,
    IReadOnlyList<PayoutView> RetriedPayouts);
