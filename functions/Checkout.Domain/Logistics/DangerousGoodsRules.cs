using System.Text.RegularExpressions;
using Checkout.Domain.ReferenceData;

namespace Checkout.Domain.Logistics;

/// <summary>The dangerous goods checkout knows how to ship, from <c>ReferenceData/logistics/dangerous-goods.json</c>.
/// </summary>
public sealed partial class DangerousGoodsRules
{
    public const string FilePath = "logistics/dangerous-goods.json";

    private readonly List<DangerousGoodsRule> rules;

    public DangerousGoodsRules(IEnumerable<DangerousGoodsRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        this.rules = [.. rules];
    }

    public IReadOnlyList<DangerousGoodsRule> All => rules;

    public static DangerousGoodsRules Load(IReferenceDataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var document = ReferenceEntry.Parse(source, FilePath);
        var loaded = new List<DangerousGoodsRule>();
        foreach (var entry in ReferenceEntry.Root(FilePath, document).Array("entries"))
        {
            var un = Normalize(entry.String("unNumber")) ?? throw entry.Fail("'unNumber' must look like UN3480");
            var described = entry.Describing(un);
            var rule = new DangerousGoodsRule(
                un, described.String("description"), described.String("packingInstruction"),
                described.Boolean("cargoAircraftOnly"), described.Period(), described.Source());
            loaded.Add(loaded.Exists(r => r.UnNumber == un && ReferenceEntry.Overlap(r.Period, rule.Period))
                ? throw described.Fail("a second entry for the same UN number overlaps in time")
                : rule);
        }

        return new DangerousGoodsRules(loaded);
    }

    /// <summary>Reads a cart line's designation ("UN3480", "un 3480") as <c>UN3480</c>; null when it is not a UN
    /// number at all.</summary>
    public static string? Normalize(string designation)
    {
        var match = UnNumberPattern().Match(designation ?? string.Empty);
        return match.Success ? "UN" + match.Groups["digits"].Value : null;
    }

    /// <summary>The rule in force for a UN number on a day, or null when checkout does not ship it.</summary>
    public DangerousGoodsRule? Find(string unNumber, DateOnly day) =>
        rules.Find(r => r.UnNumber == unNumber && r.Period.Contains(day));

    [GeneratedRegex(@"^\s*UN\s?(?<digits>\d{4})\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnNumberPattern();
}
