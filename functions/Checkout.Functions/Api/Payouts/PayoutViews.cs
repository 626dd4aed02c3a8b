using Checkout.Domain.Ledger;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payouts;
using Checkout.Domain.Payouts.BankAccounts;
using Checkout.Workflows.Payouts;

namespace Checkout.Functions.Api.Payouts;

internal static class PayoutViews
{
    public static PayoutDestinationView Destination(PayoutDestinationSummary destination, IReadOnlyList<PayoutView> retried) => new(
        destination.AccountHolderName,
        destination.Country.Value,
        destination.Currency.Value,
        SchemeName(destination.Scheme),
        destination.MaskedAccount,
        destination.AccountNumberLast4,
        destination.Bic,
        destination.BankCode,
        destination.BranchCode,
        destination.BankName,
        destination.RoutingNumber,
        retried);

    public static PayoutDestinationSummary Summary(PayoutDestination destination)
    {
        var account = destination.Account;
        return new PayoutDestinationSummary(
            destination.AccountHolderName, destination.Country, destination.Currency, account.Scheme, account.Masked, account.Last4,
            account.Bic, account.BankCode, account.BranchCode, account.BankName, account.RoutingNumber);
    }

    private static string SchemeName(BankAccountScheme scheme) => scheme switch
    {
        BankAccountScheme.Iban => "iban",
        BankAccountScheme.UsAch => "us_ach",
        BankAccountScheme.ChinaBankCard => "china_bank_card",
        BankAccountScheme.HongKongLocal => "hong_kong_local",
        _ => "macau_local",
    };

    public static PayoutView Payout(Payout payout, bool livemode) => new(
        payout.Id,
        payout.CheckoutId,
        MoneyAmount.FromMoney(payout.Amount),
        payout.Status.ToWire(),
        payout.Attempt,
        payout.FailureCode,
        payout.FailureMessage,
        payout.CreatedAt,
        payout.UpdatedAt,
        livemode);

    /// <summary>One line per currency the merchant has money in, plus its settlement currency even when still empty.</summary>
    public static BalancesView Balances(string merchantId, IReadOnlyDictionary<LedgerAccount, long> balances, CurrencyCode? settlement)
    {
        var currencies = balances.Keys
            .Where(a => a.Owner == merchantId && a.Kind is LedgerAccountKind.MerchantBalance or LedgerAccountKind.PayoutsInTransit)
            .Select(a => a.Currency)
            .Concat(settlement is { } s ? [s] : [])
            .Distinct()
            .OrderBy(c => c.Value, StringComparer.Ordinal);
        return new BalancesView(currencies.Select(c => new BalanceView(
            c.Value,
            Amount(balances, LedgerAccount.MerchantBalance(merchantId, c)),
            Amount(balances, LedgerAccount.PayoutsInTransit(merchantId, c)))).ToList());
    }

    private static MoneyAmount Amount(IReadOnlyDictionary<LedgerAccount, long> balances, LedgerAccount account) =>
        new(balances.GetValueOrDefault(account), account.Currency.Value);
}
