namespace Checkout.Functions.Api.Contracts;

/// <summary>The versioned reference-data rule behind a landed-cost line, with its public source.</summary>
internal sealed record RuleView(string Id, DateOnly EffectiveFrom, string Source, bool Illustrative);
