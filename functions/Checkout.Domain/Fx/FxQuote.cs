using Checkout.Domain.Monetary;

namespace Checkout.Domain.Fx;

/// <summary>
/// Locked rates from one or more source currencies into one target currency, valid until <see cref="ExpiresAt"/>
/// (the shape of Stripe's FX quote: one target, a rate per source). Converting with an expired quote is the caller's
/// decision to refuse: the quote only answers <see cref="IsExpiredAt"/>, since the domain has no clock.
/// </summary>
/// <param name="Legs">One per source currency, in the order requested; the first is <see cref="Primary"/>.</param>
/// <param name="RatesAsOf">The oldest date among the reference rates the legs use.</param>
/// <param name="RateSource">The sources of those rates (URLs), separated by "; ".</param>
/// <param name="Sample">Quoted from sample rates (a sandbox), not published ones.</param>
public sealed record FxQuote(
    string Id,
    CurrencyCode TargetCurrency,
    IReadOnlyList<FxQuoteLeg> Legs,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateOnly RatesAsOf,
    string RateSource,
    bool Sample = false)
{
    public FxQuoteLeg Primary => Legs[0];

    /// <summary>Expired from <see cref="ExpiresAt"/> on: a lock of 15 minutes from 12:00 is gone at 12:15 sharp.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>True for every source currency with a leg, and for the target itself (an identity conversion).</summary>
    public bool Covers(CurrencyCode source) => source == TargetCurrency || Legs.Any(l => l.Source == source);

    public FxQuoteLeg LegFor(CurrencyCode source) =>
        Legs.FirstOrDefault(l => l.Source == source)
        ?? (source == TargetCurrency
            ? FxQuoteLeg.Identity(source)
            : throw new InvalidOperationException($"Quote {Id} has no leg for {source}; check Covers first."));

    /// <summary>The target amount at the client rate, rounded half away from zero to the target's minor unit.</summary>
    public Money Convert(Money source)
    {
        var leg = LegFor(source.Currency);
        return new Money(checked(source.Amount * leg.ClientRate), TargetCurrency).RoundToMinorUnits();
    }
}
