namespace Checkout.Domain.LandedCosts;

/// <summary>The reference-data entry behind a landed-cost line: its id in <c>ReferenceData/customs</c>, the day it took
/// effect and the public source that justifies it, so a buyer-facing figure can always be traced to its law.</summary>
/// <param name="IsIllustrative">True when the figure is a placeholder (e.g. a duty rate by HS chapter) rather than the
/// authoritative tariff line; such amounts must not be presented as final.</param>
public sealed record RuleReference(string RuleId, DateOnly EffectiveFrom, string SourceUrl, bool IsIllustrative = false);
