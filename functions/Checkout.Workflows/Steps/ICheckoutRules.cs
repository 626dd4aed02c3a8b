using Checkout.Domain.Monetary;
using Checkout.Domain.Workflow;

namespace Checkout.Workflows.Steps;

/// <summary>The cross-border rules as workflow steps: each turns the checkout's state into the step's result event.</summary>
public interface ICheckoutRules
{
    CheckoutEvent QuoteFx(CheckoutState state, string quoteId, DateTimeOffset now);

    CheckoutEvent ScreenCustoms(CheckoutState state, DateTimeOffset now);

    CheckoutEvent PlanLogistics(CheckoutState state, DateTimeOffset now);

    /// <param name="yearToDate">The buyer's year-to-date spend where the destination has an annual limit (China CBEC)
    /// and it is known; without it the landed cost notes the limit as unchecked.</param>
    CheckoutEvent PriceLandedCost(CheckoutState state, DateTimeOffset now, Money? yearToDate = null);
}
