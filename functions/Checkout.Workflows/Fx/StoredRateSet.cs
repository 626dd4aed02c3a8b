using Checkout.Domain.Fx;

namespace Checkout.Workflows.Fx;

/// <summary>A rate set as accepted from the feeds and stored, with when it was fetched.</summary>
public sealed record StoredRateSet(ExchangeRateSet Rates, DateTimeOffset FetchedAt);

/// <summary>What the last fetch came to (the health endpoint shows it).</summary>
/// <param name="Outcome"><c>accepted</c>, <c>unchanged</c>, <c>refused</c> (the feeds answered, the set failed its
/// checks) or <c>failed</c> (a feed did not answer, or not in its format).</param>
public sealed record FxFetchRecord(DateTimeOffset At, string Outcome, string Detail)
{
    public const string Accepted = "accepted";
    public const string Unchanged = "unchanged";
    public const string Refused = "refused";
    public const string Failed = "failed";
}
