namespace Checkout.Domain.Customs;

/// <summary>
/// A destination's positive list: the only goods its preferential import channel takes, by HS prefix (China's CBEC
/// retail import list). A line matching none of the entries in force is refused with <see cref="ReasonCode"/> and
/// <see cref="Detail"/>, which say what the goods would need instead.
/// </summary>
public sealed record PermittedGoods(RuleProvenance Rule, IReadOnlyList<string> HsPrefixes, string ReasonCode, string Detail)
{
    public bool Permits(HsCode code) => HsPrefixes.Any(code.StartsWith);
}
