namespace Checkout.Domain.Sanctions;

/// <summary>The outcome of <see cref="SanctionsScreener.Screen"/>: <see cref="SanctionsClear"/> or
/// <see cref="SanctionsBlocked"/>.</summary>
public abstract record SanctionsScreening
{
    public bool IsClear => this is SanctionsClear;
}

public sealed record SanctionsClear : SanctionsScreening
{
    public static SanctionsClear Instance { get; } = new();
}

/// <param name="Code">One of <see cref="SanctionsCodes"/>.</param>
/// <param name="Rule">The reference-data entry that blocked the destination, with its legal source.</param>
public sealed record SanctionsBlocked(string Code, string Detail, SanctionsRuleReference Rule) : SanctionsScreening;

/// <param name="Id">The entry's id in <c>ReferenceData/sanctions</c>, e.g. <c>ofac-cuba</c>.</param>
/// <param name="Program">The legal basis, e.g. "Cuban Assets Control Regulations, 31 CFR part 515".</param>
public sealed record SanctionsRuleReference(string Id, string Program, Uri Source);
