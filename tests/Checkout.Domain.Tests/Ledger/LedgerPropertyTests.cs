using Checkout.Domain.Carts;
using Checkout.Domain.Ledger;
using Checkout.Domain.Monetary;
using Checkout.Domain.Tests.Monetary;
using FsCheck.Fluent;

namespace Checkout.Domain.Tests.Ledger;

public sealed class LedgerPropertyTests
{
    private static readonly string[] Presentment = ["PKR", "EUR", "JPY", "GBP", "USD"];
    private static readonly string[] Settlement = ["USD", "EUR", "JPY", "GBP"];

    private static readonly FsCheck.Gen<LedgerStory> AnyStory =
        from currency in Gen.Elements(Presentment)
        from settlement in Gen.Elements(Settlement)
        from incoterm in Gen.Elements(Incoterm.Ddp, Incoterm.Dap)
        from goods in Gen.Choose(1, 50_000_000)
        from shipping in Gen.Choose(0, 100_000)
        from dutyShare in Gen.Choose(0, 50)
        from taxShare in Gen.Choose(0, 30)
        from feeBps in Gen.Choose(0, 500)
        from spreadBps in Gen.Choose(0, 300)
        from merchant in Gen.Elements("m1", "m2")
        from outcomes in Gen.Choose(0, 1).ArrayOf().Select(a => a.Take(3).ToArray())
        from end in Gen.Elements(PayoutEnd.Paid, PayoutEnd.InTransit, PayoutEnd.Returned, PayoutEnd.Refunded)
        from id in Gen.Choose(0, int.MaxValue)
        select LedgerStories.Build(
            $"co{id}", merchant,
            LedgerStories.Landed(new CurrencyCode(currency), incoterm, goods, shipping, (long)goods * dutyShare / 100, (long)goods * taxShare / 100),
            new CurrencyCode(settlement), feeBps, spreadBps, outcomes, end);

    /// <summary>Several checkouts' facts interleaved in any order that keeps each checkout's own order, with facts
    /// redelivered at any later point (at-least-once queues, a crash between posting and acknowledging).</summary>
    private static readonly FsCheck.Gen<(LedgerStory[] Stories, Func<LedgerTransaction>[] Deliveries)> AnyInterleaving =
        from count in Gen.Choose(1, 6)
        from stories in AnyStory.ArrayOf(count)
        from picks in Gen.Choose(0, 1_000_000).ArrayOf(200)
        from redeliveries in Gen.Choose(0, 1_000_000).Two().ArrayOf()
        select (stories, Deliver(stories, picks, redeliveries));

    [Fact]
    public void Post_AnyInterleavingOfRedeliveredFacts_EveryTransactionBalancesAndBalancesEqualTheirEntries()
    {
        PropertyRunner.ForAll(AnyInterleaving, c =>
        {
            var ledger = new InMemoryLedger();
            foreach (var deliver in c.Deliveries)
            {
                ledger.Post(deliver());
            }

            var posted = ledger.Transactions.Select(PostedTransaction.From).ToList();
            var accounts = posted.SelectMany(t => t.Entries).Select(e => e.Account).Distinct();
            var reported = accounts.ToDictionary(a => a, ledger.Balance);
            Assert.Empty(LedgerAudit.Check(posted, reported));
            AssertSameAsPostingEachFactOnce(c.Stories, ledger);
            AssertMerchantFundsAccountedFor(c.Stories, ledger);
        });
    }

    [Fact]
    public void Audit_TamperedEntryOrWrongBalance_IsReported()
    {
        var story = LedgerStories.Build("co1", "m1", LedgerStories.Landed(new CurrencyCode("EUR"), Incoterm.Ddp, 10_000, 500, 1_000, 1_900),
            new CurrencyCode("USD"), 290, 50, [], PayoutEnd.Paid);
        var posted = story.Facts.Select(f => PostedTransaction.From(f())).ToList();
        var first = posted[0];
        var tampered = first with { Entries = first.Entries.Skip(1).ToList() };
        var balances = LedgerBalances.FromEntries(posted.SelectMany(t => t.Entries)).ToDictionary();
        var merchant = LedgerAccount.MerchantBalance("m1", new CurrencyCode("USD"));
        balances[merchant] += 1;

        var problems = LedgerAudit.Check([tampered, .. posted.Skip(1), posted[1]], balances);

        Assert.Contains(problems, p => p.StartsWith("Transaction co1-capture: EUR debits 0 differ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("posted 2 times", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith($"Balance of {merchant.Key}", StringComparison.Ordinal));
    }

    private static Func<LedgerTransaction>[] Deliver(LedgerStory[] stories, int[] picks, (int, int)[] redeliveries)
    {
        var next = new int[stories.Length];
        var order = new List<Func<LedgerTransaction>>();
        var pick = 0;
        while (order.Count < stories.Sum(s => s.Facts.Count))
        {
            var open = Enumerable.Range(0, stories.Length).Where(i => next[i] < stories[i].Facts.Count).ToList();
            var chosen = open[picks[pick++ % picks.Length] % open.Count];
            order.Add(stories[chosen].Facts[next[chosen]++]);
        }

        foreach (var (which, where) in redeliveries)
        {
            var original = which % order.Count;
            order.Insert(original + 1 + (where % (order.Count - original)), order[original]);
        }

        return [.. order];
    }

    private static void AssertSameAsPostingEachFactOnce(LedgerStory[] stories, InMemoryLedger ledger)
    {
        var once = new InMemoryLedger();
        foreach (var fact in stories.SelectMany(s => s.Facts))
        {
            once.Post(fact());
        }

        Assert.Equal(once.Transactions.Select(t => t.Id).Order(StringComparer.Ordinal), ledger.Transactions.Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.All(ledger.Transactions, t => Assert.True(once.Transactions.Single(o => o.Id == t.Id).SameEntriesAs(t)));
    }

    /// <summary>Whatever the order, each merchant's credited net is on its balance, in transit, or paid out: no
    /// minor unit created or lost, none paid twice.</summary>
    private static void AssertMerchantFundsAccountedFor(LedgerStory[] stories, InMemoryLedger ledger)
    {
        foreach (var group in stories.GroupBy(s => (s.MerchantId, s.Settlement)))
        {
            long Expected(PayoutEnd end) => group.Where(s => s.End == end).Sum(s => s.Net.ToMinorUnits());
            var (merchant, currency) = group.Key;
            Assert.Equal(Expected(PayoutEnd.Returned), ledger.Balance(LedgerAccount.MerchantBalance(merchant, currency)));
            Assert.Equal(Expected(PayoutEnd.InTransit), ledger.Balance(LedgerAccount.PayoutsInTransit(merchant, currency)));
        }
    }
}
