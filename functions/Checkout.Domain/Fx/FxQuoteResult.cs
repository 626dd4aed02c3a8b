namespace Checkout.Domain.Fx;

/// <summary>What <see cref="FxQuoter.Quote"/> decided: <see cref="FxQuoteIssued"/> or <see cref="FxQuoteRefused"/>.
/// Refusals are expected business outcomes, not exceptions.</summary>
public abstract record FxQuoteResult
{
    private protected FxQuoteResult()
    {
    }
}

public sealed record FxQuoteIssued(FxQuote Quote) : FxQuoteResult;

/// <param name="Detail">For people: which currency or date, and why; the <paramref name="Reason"/> is for code.</param>
public sealed record FxQuoteRefused(FxQuoteRefusalReason Reason, string Detail) : FxQuoteResult;
