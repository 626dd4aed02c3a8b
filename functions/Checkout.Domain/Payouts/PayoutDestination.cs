using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payouts.BankAccounts;

namespace Checkout.Domain.Payouts;

/// <summary>The merchant's bank account that payouts go to, and the currency they are made in (one its country's
/// accounts are held in, <see cref="BankAccountSchema.CurrenciesFor"/>). The account number is kept whole for the rail
/// and only shown masked (<see cref="BankAccount.Masked"/>).</summary>
public sealed record PayoutDestination(string AccountHolderName, CountryCode Country, CurrencyCode Currency, BankAccount Account);
