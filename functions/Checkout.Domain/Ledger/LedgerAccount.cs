using Checkout.Domain.Monetary;

namespace Checkout.Domain.Ledger;

/// <summary>One account in one currency; merchant accounts carry their merchant as <see cref="Owner"/>, platform
/// accounts have none. <see cref="Key"/> (<c>merchant_balance:dev:USD</c>, <c>processing_fees:PKR</c>) is how
/// accounts are stored and compared.</summary>
public readonly record struct LedgerAccount(LedgerAccountKind Kind, CurrencyCode Currency, string? Owner = null)
{
    public string Key => Owner is null ? $"{KindName(Kind)}:{Currency}" : $"{KindName(Kind)}:{Owner}:{Currency}";

    /// <summary>Assets and the conversion position grow with debits; liabilities and revenue with credits.</summary>
    public bool IsDebitNormal => Kind is LedgerAccountKind.BuyerFundsClearing or LedgerAccountKind.PayoutFunding or LedgerAccountKind.FxConversion;

    public static LedgerAccount MerchantBalance(string merchantId, CurrencyCode currency) => new(LedgerAccountKind.MerchantBalance, currency, merchantId);

    public static LedgerAccount PayoutsInTransit(string merchantId, CurrencyCode currency) => new(LedgerAccountKind.PayoutsInTransit, currency, merchantId);

    public static LedgerAccount Platform(LedgerAccountKind kind, CurrencyCode currency) => new(kind, currency);

    /// <summary>Reads a <see cref="Key"/> back; throws on anything else (stored data we wrote ourselves).</summary>
    public static LedgerAccount Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split(':');
        var kind = Enum.GetValues<LedgerAccountKind>().FirstOrDefault(k => KindName(k) == parts[0], (LedgerAccountKind)(-1));
        return (parts.Length, kind) switch
        {
            (_, (LedgerAccountKind)(-1)) => throw new FormatException($"Unknown ledger account kind in '{key}'."),
            (2, _) => new LedgerAccount(kind, new CurrencyCode(parts[1])),
            (3, _) => new LedgerAccount(kind, new CurrencyCode(parts[2]), parts[1]),
            _ => throw new FormatException($"'{key}' is not a ledger account key."),
        };
    }

    public static string KindName(LedgerAccountKind kind) => kind switch
    {
        LedgerAccountKind.BuyerFundsClearing => "buyer_funds_clearing",
        LedgerAccountKind.MerchantBalance => "merchant_balance",
        LedgerAccountKind.ProcessingFees => "processing_fees",
        LedgerAccountKind.FxSpreadRevenue => "fx_spread_revenue",
        LedgerAccountKind.DutiesAndTaxesPayable => "duties_taxes_payable",
        LedgerAccountKind.PayoutsInTransit => "payouts_in_transit",
        LedgerAccountKind.RefundsPayable => "refunds_payable",
        LedgerAccountKind.FxConversion => "fx_conversion",
        LedgerAccountKind.PayoutFunding => "payout_funding",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown ledger account kind."),
    };

    public override string ToString() => Key;
}
