using Checkout.Domain.Monetary;
using Checkout.Functions.Api.Contracts;
using Checkout.Workflows.Refunds;

namespace Checkout.Functions.Api.Refunds;

/// <summary>Maps refunds to their response contracts.</summary>
internal static class RefundViews
{
    public static RefundView View(Refund refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        return new RefundView(
            refund.Id,
            refund.CheckoutId,
            refund.Status,
            MoneyAmount.FromMoney(refund.Amount),
            refund.Reason,
            refund.BalanceEffect,
            refund.FailureCode,
            refund.FailureMessage,
            refund.CreatedAt,
            refund.UpdatedAt);
    }

    /// <summary>The refund's own URI, absolute (its <c>Location</c>).</summary>
    public static string Location(HttpRequest request, Refund refund) =>
        CheckoutLinks.Absolute(request, $"{CheckoutFunctions.CheckoutsRoute}/{Uri.EscapeDataString(refund.CheckoutId)}/refunds/{Uri.EscapeDataString(refund.Id)}");
}
