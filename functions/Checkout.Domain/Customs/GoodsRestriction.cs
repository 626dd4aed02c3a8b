using System.Text.RegularExpressions;

namespace Checkout.Domain.Customs;

/// <summary>Goods a destination (or every destination) refuses or restricts, matched by HS prefix or by a keyword in
/// the line description (whole word, case-insensitive). At least one of the two is set.</summary>
/// <param name="ReasonCode">The customs code reported, e.g. <c>customs.prohibited_goods</c>.</param>
public sealed record GoodsRestriction(
    RuleProvenance Rule,
    string? HsPrefix,
    string? Keyword,
    RestrictionAction Action,
    string ReasonCode,
    string Detail)
{
    public bool Matches(HsCode code, string description) =>
        (HsPrefix is not null && code.StartsWith(HsPrefix))
        || (Keyword is not null && Regex.IsMatch(
            description, $@"\b{Regex.Escape(Keyword)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
}

public enum RestrictionAction
{
    /// <summary>The cart is refused.</summary>
    Reject,

    /// <summary>The sale may go ahead; someone must act (licence, permit, carrier approval).</summary>
    Flag,
}
