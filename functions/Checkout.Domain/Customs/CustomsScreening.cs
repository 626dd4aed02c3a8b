namespace Checkout.Domain.Customs;

/// <summary>The outcome of <see cref="CustomsScreener.Screen(Carts.Cart, DateOnly)"/>: <see cref="CustomsAdmissible"/>
/// or <see cref="CustomsRejected"/>. Expected outcomes, not exceptions.</summary>
public abstract record CustomsScreening
{
    public bool IsAdmissible => this is CustomsAdmissible;
}

/// <param name="Lines">Per cart line: the parsed HS code and notes on how it was classified.</param>
/// <param name="Flags">Things someone must act on that do not block the sale, e.g.
/// <c>customs.restricted_goods:tobacco (SKU-1)</c>.</param>
public sealed record CustomsAdmissible(IReadOnlyList<LineClassification> Lines, IReadOnlyList<CustomsFlag> Flags) : CustomsScreening;

/// <param name="Code">One of <see cref="CustomsCodes"/>.</param>
/// <param name="Sku">The offending cart line, or null when the whole cart is refused.</param>
/// <param name="RuleId">The reference-data entry that refused it, when one did.</param>
public sealed record CustomsRejected(string Code, string Detail, string? Sku = null, string? RuleId = null) : CustomsScreening;

/// <param name="Notes">Human notes, e.g. "national extension 10 digits; EU duty matched on heading 6109".</param>
public sealed record LineClassification(string Sku, HsCode HsCode, IReadOnlyList<string> Notes);

/// <param name="Code">One of <see cref="CustomsCodes"/> (a flag code, e.g. <c>customs.restricted_goods</c>).</param>
public sealed record CustomsFlag(string Code, string Detail, string? Sku = null, string? RuleId = null)
{
    public override string ToString() => Sku is null ? $"{Code}: {Detail}" : $"{Code}: {Detail} ({Sku})";
}
