namespace Checkout.Workflows.Payouts;

/// <summary>What became of an inbound rail webhook; the HTTP edge maps it to a status code.</summary>
public enum RailWebhookOutcome
{
    /// <summary>Signature missing, wrong or too old: 401, nothing read.</summary>
    Unauthenticated,

    /// <summary>Signed but not a payout update we understand: 400.</summary>
    Malformed,

    /// <summary>Applied, or already known, or about a payout or attempt we do not have: 200 so the rail stops resending.</summary>
    Accepted,
}
