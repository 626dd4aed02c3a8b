using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>A locked FX quote: one target currency, a leg per source currency.</summary>
[Description("A locked FX quote into the presentment currency, valid until expiresAt.")]
internal sealed record QuoteView(
    string Id,
    [property: Description("The primary source currency (the goods' currency).")] string From,
    [property: Description("The target (presentment) currency.")] string To,
    [property: Description("Client rate of the primary leg: target units per source unit, spread included; a decimal string (more precision than a JavaScript number keeps).")] string Rate,
    IReadOnlyList<QuoteLegView> Legs,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateOnly RatesAsOf,
    [property: Description("Where the reference rates come from (URLs separated by '; ').")] string RateSource,
    [property: Description("True when quoted from the sandbox's built-in sample rates (Fx:Source = sandbox), not published ones.")] bool Sample);
