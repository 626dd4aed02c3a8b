using Checkout.Domain.Carts;
using Checkout.Domain.Ledger;
using Checkout.Domain.Monetary;
using static Checkout.Domain.LandedCosts.LandedCostLineKind;
using static Checkout.Domain.Tests.Ledger.LedgerSamples;

namespace Checkout.Domain.Tests.Ledger;

public sealed class RefundPostingTests
{
    /// <summary>The PKR capture of <see cref="CapturePostingTests"/>: net 8 163.60 PKR credited 28.87 USD. A full refund
    /// of 11 600.00 PKR at that rate is 11 600 × 28.87 / 8 163.60 = 41.0226 → 41.02 USD, more than the capture
    /// credited: the merchant bears the fee and the duties already collected.</summary>
    [Fact]
    public void RefundAfterCompletion_SettledInAnotherCurrency_DebitsTheMerchantAtTheCaptureRate()
    {
        var posting = LedgerPostingRules.RefundAfterCompletion(Facts("co1-r1", "11600.00"));

        Assert.Equal("co1-r1", posting.Transaction.Id);
        AssertEntries(posting.Transaction,
            ("C", "buyer_funds_clearing:PKR", "11600.00"),
            ("D", "fx_conversion:PKR", "11600.00"),
            ("D", "merchant_balance:m1:USD", "41.02"),
            ("C", "fx_conversion:USD", "41.02"));
        Assert.Equal(Money("41.02", "USD"), posting.MerchantDebit);
    }

    [Fact]
    public void RefundAfterCompletion_OfTheMerchantsNet_DebitsExactlyWhatTheCaptureCredited()
    {
        var posting = LedgerPostingRules.RefundAfterCompletion(Facts("co1-r1", "8163.60"));

        Assert.Equal(Money("28.87", "USD"), posting.MerchantDebit);
    }

    [Fact]
    public void RefundAfterCompletion_SettledInThePresentmentCurrency_DebitsTheBalanceWithoutConversion()
    {
        var facts = new RefundFacts("co3-r2", "m3", Money("40.00", "GBP"), Money("108.58", "GBP"), Money("108.58", "GBP"), At);

        var posting = LedgerPostingRules.RefundAfterCompletion(facts);

        AssertEntries(posting.Transaction,
            ("D", "merchant_balance:m3:GBP", "40.00"),
            ("C", "buyer_funds_clearing:GBP", "40.00"));
        Assert.Equal(Money("40.00", "GBP"), posting.MerchantDebit);
    }

    /// <summary>Capture, then two partial refunds making up the whole charge: clearing is back to zero, each currency
    /// balances on its own, the duties stay owed and the fee stays earned, and the merchant's balance is below zero by
    /// what it bore (the payout having taken the capture's credit).</summary>
    [Fact]
    public void CaptureThenPartialRefunds_ReturnClearingToZeroAndBalancePerCurrency()
    {
        var landed = Landed("PKR", Incoterm.Ddp,
            Line(Goods, "7000.00", "PKR"), Line(Shipping, "1500.00", "PKR"), Line(Duty, "1400.00", "PKR"), Line(Tax, "1700.00", "PKR"));
        var capture = LedgerPostingRules.Capture(new CaptureFacts("co1", "m1", landed, new CurrencyCode("USD"), SettlementQuote("USD", "PKR", 280m, 100), 290, At));
        var payout = LedgerPostingRules.PayoutCreated(new PayoutFacts("co1-payout", 1, "m1", capture.MerchantNet, At));
        var first = LedgerPostingRules.RefundAfterCompletion(Facts("co1-r1", "5000.00"));
        var second = LedgerPostingRules.RefundAfterCompletion(Facts("co1-r2", "6600.00"));

        var balances = LedgerBalances.FromTransactions([capture.Transaction, payout, first.Transaction, second.Transaction]);

        var pkr = new CurrencyCode("PKR");
        var usd = new CurrencyCode("USD");
        Assert.Equal(0, balances[LedgerAccount.Platform(LedgerAccountKind.BuyerFundsClearing, pkr)]);
        Assert.Equal(310000, balances[LedgerAccount.Platform(LedgerAccountKind.DutiesAndTaxesPayable, pkr)]);
        Assert.Equal(33640, balances[LedgerAccount.Platform(LedgerAccountKind.ProcessingFees, pkr)]);
        Assert.Equal(Money("17.68", "USD") + Money("23.34", "USD"), first.MerchantDebit + second.MerchantDebit);
        Assert.Equal(-(1768 + 2334), balances[LedgerAccount.MerchantBalance("m1", usd)]);
        foreach (var transaction in new[] { capture.Transaction, first.Transaction, second.Transaction })
        {
            Assert.Null(LedgerTransaction.Imbalance(transaction.Entries));
        }
    }

    [Fact]
    public void RefundAfterCompletion_SameFactsTwice_YieldsTheSameTransaction()
    {
        var once = LedgerPostingRules.RefundAfterCompletion(Facts("co1-r1", "123.45"));
        var again = LedgerPostingRules.RefundAfterCompletion(Facts("co1-r1", "123.45"));

        Assert.True(once.Transaction.SameEntriesAs(again.Transaction));
    }

    [Fact]
    public void RefundAfterCompletion_InAnotherCurrencyThanTheCapture_Throws()
    {
        var facts = new RefundFacts("co1-r1", "m1", Money("10.00", "EUR"), Money("8163.60", "PKR"), Money("28.87", "USD"), At);

        Assert.Throws<ArgumentException>(() => LedgerPostingRules.RefundAfterCompletion(facts));
    }

    private static RefundFacts Facts(string refundId, string refunded) =>
        new(refundId, "m1", Money(refunded, "PKR"), Money("8163.60", "PKR"), Money("28.87", "USD"), At);

    private static void AssertEntries(LedgerTransaction transaction, params (string Side, string Account, string Amount)[] expected)
    {
        var actual = transaction.Entries
            .Select(e => (e.Direction == EntryDirection.Debit ? "D" : "C", e.Account.Key, e.Amount.Amount.ToString("0.00##", System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(expected.ToList(), actual);
    }
}
