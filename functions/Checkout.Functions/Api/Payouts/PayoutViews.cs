using Checkout.Domain.Ledger;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payouts;
using Checkout.Workflows.Payouts;

namespace Checkout.Functions.Api.Payouts;

internal static class PayoutViews
{
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
