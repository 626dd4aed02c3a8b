using Checkout.Domain.Carts;
using Checkout.Domain.Ledger;
using Checkout.Domain.Monetary;
using static Checkout.Domain.LandedCosts.CollectionPoint;
using static Checkout.Domain.LandedCosts.LandedCostLineKind;
using static Checkout.Domain.Tests.Ledger.LedgerSamples;

namespace Checkout.Domain.Tests.Ledger;

public sealed class CapturePostingTests
{
    /// <summary>PK buyer paying PKR, DDP, merchant settling in USD at 280 PKR/USD mid with a 100 bps spread:
    /// charged 11 600.00; duty 1 400.00 + tax 1 700.00 owed; fee 2.9 % = 336.40; net 8 163.60 PKR;
    /// 8 163.60 / 280 = 29.1557 → 29.16 USD at mid, / 282.8 = 28.8670 → 28.87 USD to the merchant, spread 0.29.</summary>
    [Fact]
    public void Capture_DdpCorridorSettledInAnotherCurrency_PostsEveryLineThroughFxConversion()
    {
        var landed = Landed("PKR", Incoterm.Ddp,
            Line(Goods, "7000.00", "PKR"), Line(Shipping, "1500.00", "PKR"), Line(Duty, "1400.00", "PKR"), Line(Tax, "1700.00", "PKR"));
        var facts = new CaptureFacts("co1", "m1", landed, new CurrencyCode("USD"), SettlementQuote("USD", "PKR", 280m, 100), 290, At);

        var posting = LedgerPostingRules.Capture(facts);

        Assert.Equal("co1-capture", posting.Transaction.Id);
        AssertEntries(posting.Transaction,
            ("D", "buyer_funds_clearing:PKR", "11600.00"),
            ("C", "duties_taxes_payable:PKR", "3100.00"),
            ("C", "processing_fees:PKR", "336.40"),
            ("C", "fx_conversion:PKR", "8163.60"),
            ("D", "fx_conversion:USD", "29.16"),
            ("C", "merchant_balance:m1:USD", "28.87"),
            ("C", "fx_spread_revenue:USD", "0.29"));
        Assert.Equal(Money("28.87", "USD"), posting.MerchantNet);
    }

    /// <summary>EU buyer paying EUR, DAP: the IOSS VAT is collected at sale (owed), the duty is paid on delivery and so
    /// never enters the ledger. Charged 80 + 15 + 19 = 114.00; fee 3.306 → 3.31; net 91.69 EUR; USD at 0.92 mid:
    /// 99.663 → 99.66, at 0.9246 client: 99.167 → 99.17, spread 0.49.</summary>
    [Fact]
    public void Capture_DapCorridor_LeavesChargesCollectedOnDeliveryOutOfTheLedger()
    {
        var landed = Landed("EUR", Incoterm.Dap,
            Line(Goods, "80.00", "EUR"), Line(Shipping, "15.00", "EUR"), Line(Tax, "19.00", "EUR"), Line(Duty, "4.00", "EUR", OnDelivery));
        var facts = new CaptureFacts("co2", "m2", landed, new CurrencyCode("USD"), SettlementQuote("USD", "EUR", 0.92m, 50), 290, At);

        var posting = LedgerPostingRules.Capture(facts);

        AssertEntries(posting.Transaction,
            ("D", "buyer_funds_clearing:EUR", "114.00"),
            ("C", "duties_taxes_payable:EUR", "19.00"),
            ("C", "processing_fees:EUR", "3.31"),
            ("C", "fx_conversion:EUR", "91.69"),
            ("D", "fx_conversion:USD", "99.66"),
            ("C", "merchant_balance:m2:USD", "99.17"),
            ("C", "fx_spread_revenue:USD", "0.49"));
    }

    [Fact]
    public void Capture_SettledInThePresentmentCurrency_CreditsTheMerchantWithoutConversion()
    {
        var landed = Landed("GBP", Incoterm.Dap, Line(Goods, "100.00", "GBP"), Line(Shipping, "12.50", "GBP"), Line(Tax, "22.50", "GBP"));
        var facts = new CaptureFacts("co3", "m3", landed, new CurrencyCode("GBP"), null, 290, At);

        var posting = LedgerPostingRules.Capture(facts);

        AssertEntries(posting.Transaction,
            ("D", "buyer_funds_clearing:GBP", "135.00"),
            ("C", "duties_taxes_payable:GBP", "22.50"),
            ("C", "processing_fees:GBP", "3.92"),
            ("C", "merchant_balance:m3:GBP", "108.58"));
    }

    [Fact]
    public void PayoutLifecycle_FailedThenRetriedAndPaid_ReturnsThenMovesTheFundsOut()
    {
        var usd = new CurrencyCode("USD");
        var first = new PayoutFacts("co1-payout", 1, "m1", Money("28.87", "USD"), At);
        var second = first with { Attempt = 2 };

        var transactions = new[]
        {
            LedgerPostingRules.PayoutCreated(first), LedgerPostingRules.PayoutReturned(first, "failed"),
            LedgerPostingRules.PayoutCreated(second), LedgerPostingRules.PayoutPaid(second),
        };

        Assert.Equal(["co1-payout-a1-created", "co1-payout-a1-failed", "co1-payout-a2-created", "co1-payout-a2-paid"], transactions.Select(t => t.Id));
        var balances = LedgerBalances.FromTransactions(transactions);
        Assert.Equal(-2887, balances[LedgerAccount.MerchantBalance("m1", usd)]);
        Assert.Equal(0, balances[LedgerAccount.PayoutsInTransit("m1", usd)]);
        Assert.Equal(-2887, balances[LedgerAccount.Platform(LedgerAccountKind.PayoutFunding, usd)]);
    }

    [Fact]
    public void Transaction_Unbalanced_IsRefused()
    {
        var usd = new CurrencyCode("USD");
        var entries = new[]
        {
            LedgerEntry.Debit(LedgerAccount.Platform(LedgerAccountKind.BuyerFundsClearing, usd), Money("10.00", "USD")),
            LedgerEntry.Credit(LedgerAccount.MerchantBalance("m", usd), Money("9.99", "USD")),
        };

        var error = Assert.Throws<ArgumentException>(() => new LedgerTransaction("t", "m", "bad", At, entries));
        Assert.Contains("USD debits 1000 differ from credits 999", error.Message, StringComparison.Ordinal);
    }

    private static void AssertEntries(LedgerTransaction transaction, params (string Side, string Account, string Amount)[] expected)
    {
        var actual = transaction.Entries
            .Select(e => (e.Direction == EntryDirection.Debit ? "D" : "C", e.Account.Key, e.Amount.Amount.ToString("0.00##", System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(expected.ToList(), actual);
    }
}
