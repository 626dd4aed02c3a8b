using System.Globalization;
using Checkout.Domain.LandedCosts;
using Checkout.Domain.Monetary;

namespace Checkout.Domain.Tests.LandedCosts;

/// <summary>The table of worked landed-cost scenarios (arithmetic in each scenario's comment) against the shipped
/// customs rule files.</summary>
public sealed class LandedCostScenarioTests
{
    public static TheoryData<string> Names => new(LandedCostScenarios.Names);

    [Fact]
    public void Scenarios_AreAtLeastThirty() => Assert.True(LandedCostScenarios.Names.Count >= 30);

    [Theory]
    [MemberData(nameof(Names))]
    public void TryCalculate_Scenario_MatchesWorkedArithmetic(string name)
    {
        var scenario = LandedCostScenarios.Get(name);

        var outcome = LandedCostCalculator.Default.TryCalculate(scenario.Request);

        if (scenario.ExpectedRejection is { } code)
        {
            Assert.Equal(code, Assert.IsType<LandedCostRejected>(outcome).Code);
            return;
        }

        var cost = Assert.IsType<LandedCostCalculated>(outcome).LandedCost;
        var expected = scenario.Expected!;
        var currency = scenario.Request.Cart.PresentmentCurrency;
        Assert.Equal(
            Figures(expected.Goods, expected.Shipping, expected.Duty, expected.Tax, expected.Fees, expected.Total, expected.DueAtCheckout),
            Figures(cost.Goods.Amount, cost.Shipping.Amount, cost.Duty.Amount, cost.Tax.Amount, cost.Fees.Amount, cost.Total.Amount, cost.AmountDueAtCheckout.Amount));
        Assert.All(cost.Lines, line => Assert.Equal(currency, line.Amount.Currency));
        Assert.Equal(expected.HasAmountsAssessedLater, cost.HasAmountsAssessedLater);
        Assert.Equal(expected.RuleIds.Order(StringComparer.Ordinal), ChargeRuleIds(cost));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void TryCalculate_Scenario_TotalsAreExactSumsOfRoundedSourcedLines(string name)
    {
        var scenario = LandedCostScenarios.Get(name);
        if (LandedCostCalculator.Default.TryCalculate(scenario.Request) is not LandedCostCalculated { LandedCost: var cost })
        {
            return;
        }

        var sum = cost.Lines.Aggregate(Money.Zero(cost.Currency), (s, l) => s + l.Amount);
        Assert.Equal(sum, cost.Total);
        Assert.Equal(cost.Total, cost.Goods + cost.Shipping + cost.Insurance + cost.Duty + cost.Tax + cost.Fees);
        Assert.Equal(cost.Total, cost.AmountDueAtCheckout + cost.AmountDueElsewhere);
        Assert.All(cost.Lines, line =>
        {
            Assert.Equal(line.Amount.RoundToMinorUnits(), line.Amount);
            Assert.StartsWith("http", line.Rule.SourceUrl, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(line.Rule.RuleId));
        });
    }

    /// <summary>One comparable line, so a failure shows every figure side by side.</summary>
    private static string Figures(decimal goods, decimal shipping, decimal duty, decimal tax, decimal fees, decimal total, decimal due) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"goods {goods:0.00##}, shipping {shipping:0.00##}, duty {duty:0.00##}, tax {tax:0.00##}, fees {fees:0.00##}, total {total:0.00##}, due at checkout {due:0.00##}");

    private static IEnumerable<string> ChargeRuleIds(LandedCost cost) =>
        cost.Lines.Where(l => l.Kind is LandedCostLineKind.Duty or LandedCostLineKind.Tax or LandedCostLineKind.Fee)
            .Select(l => l.Rule.RuleId).Distinct().Order(StringComparer.Ordinal);
}
