namespace Checkout.Domain.Payouts;

/// <summary>Wire names of <see cref="PayoutStatus"/> and which moves between them are allowed.</summary>
public static class PayoutStatusNames
{
    public static string ToWire(this PayoutStatus status) => status switch
    {
        PayoutStatus.Pending => "pending",
        PayoutStatus.InTransit => "in_transit",
        PayoutStatus.Paid => "paid",
        PayoutStatus.Failed => "failed",
        PayoutStatus.Canceled => "canceled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown payout status."),
    };

    public static bool TryParse(string? value, out PayoutStatus status)
    {
        foreach (var candidate in Enum.GetValues<PayoutStatus>())
        {
            if (candidate.ToWire() == value)
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static bool IsFinal(this PayoutStatus status) => status is PayoutStatus.Paid or PayoutStatus.Failed or PayoutStatus.Canceled;

    /// <summary>An attempt only moves forward: a final status never changes (a retry is a new attempt), and
    /// <c>in_transit</c> never goes back to <c>pending</c>. Late or duplicate rail news is therefore ignored.</summary>
    public static bool CanMove(PayoutStatus from, PayoutStatus to) => from switch
    {
        PayoutStatus.Pending => to != PayoutStatus.Pending,
        PayoutStatus.InTransit => to is PayoutStatus.Paid or PayoutStatus.Failed or PayoutStatus.Canceled,
        _ => false,
    };
}
