namespace Checkout.Domain.Tests.LandedCosts;

/// <summary>Every named landed-cost scenario, by region (one partial file each), looked up by name from the theory.</summary>
internal static partial class LandedCostScenarios
{
    private static readonly Lazy<Dictionary<string, LandedCostScenario>> ByName = new(() =>
        Europe().Concat(Americas()).Concat(AsiaPacific()).ToDictionary(s => s.Name, StringComparer.Ordinal));

    public static IReadOnlyCollection<string> Names => ByName.Value.Keys;

    public static LandedCostScenario Get(string name) => ByName.Value[name];

    private static ScenarioBuilder Scenario(string name) => new(name);
}
