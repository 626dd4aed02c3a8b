using Checkout.Domain.Monetary;
using Checkout.Domain.Workflow;

namespace Checkout.Workflows.Buyers;

/// <summary>
/// China's CBEC annual limit (CNY 26,000 per person per year) against the buyer's running total of this platform's
/// orders (<see cref="CbecAnnualTotals"/>). An order counts from the moment its landed cost is priced within the limit,
/// so the buyer cannot start several checkouts that each fit alone; it stops counting if the checkout ends without a
/// payment kept (expired, canceled, failed, declined, refunded on cancel) or is refused, and when it is refunded in
/// full. Orders on other platforms are outside this total: customs check the whole year at declaration.
/// </summary>
public sealed class CbecAnnualLimit(BuyerIdentityStore identities, CbecAnnualTotals totals)
{
    /// <summary>China's limits are set in CNY, and so is the total.</summary>
    private static readonly CurrencyCode Yuan = new("CNY");

    /// <summary>The count a new checkout's identity is stored with: the buyer key, and China's year of the checkout's start.</summary>
    public static BuyerCount CountFor(string buyerKey, DateTimeOffset startedAt) => new(buyerKey, CbecAnnualTotals.YearOf(startedAt));

    /// <summary>The buyer's total this year before this checkout, for the landed cost to check the limit against;
    /// null where no identity is kept (not a CBEC checkout, or one started before buyers were keyed).</summary>
    public async Task<AnnualTotal?> ReadAsync(CheckoutState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.BuyerIdentity is null || await identities.GetCountAsync(state.Id, cancellationToken) is not { } count)
        {
            return null;
        }

        return await totals.ReadAsync(count.BuyerKey, count.Year, state.Id, Yuan, cancellationToken);
    }

    /// <summary>After the assessment: counts the order if its landed cost was priced under the annual limit, or takes
    /// back what a previous run of the step counted if it was not. Throws <see cref="AnnualTotalChangedException"/>
    /// when another order of the buyer was counted meanwhile, and the step runs again on the new total.</summary>
    public async Task SettleAsync(AnnualTotal? read, IReadOnlyList<CheckoutEvent> assessed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessed);
        if (read is null)
        {
            return;
        }

        if (assessed.OfType<LandedCostPriced>().LastOrDefault()?.LandedCost.AnnualSpend is { } spend)
        {
            await totals.CountAsync(read, spend, cancellationToken);
        }
        else if (!read.ThisCheckout.IsZero)
        {
            await totals.ReleaseAsync(read.BuyerKey, read.Year, read.CheckoutId, cancellationToken);
        }
    }

    /// <summary>When the checkout has ended: the identity goes; a completed order keeps counting (and its buyer key
    /// stays, for a refund in full to release it), any other end releases it.</summary>
    public async Task EndAsync(CheckoutState ended, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ended);
        var count = await identities.GetCountAsync(ended.Id, cancellationToken);
        if (count is not null && ended.Phase == CheckoutPhase.Completed)
        {
            await identities.ForgetIdentityAsync(ended.Id, count, cancellationToken);
            return;
        }

        if (count is not null)
        {
            await totals.ReleaseAsync(count.BuyerKey, count.Year, ended.Id, cancellationToken);
        }

        await identities.DeleteAsync(ended.Id, cancellationToken);
    }

    /// <summary>Once a completed checkout is refunded in full the order no longer counts, and its buyer key goes too.
    /// A partial refund changes nothing: the goods kept are still this year's import.</summary>
    public async Task ReleaseRefundedInFullAsync(string checkoutId, CancellationToken cancellationToken)
    {
        if (await identities.GetCountAsync(checkoutId, cancellationToken) is not { } count)
        {
            return;
        }

        await totals.ReleaseAsync(count.BuyerKey, count.Year, checkoutId, cancellationToken);
        await identities.DeleteAsync(checkoutId, cancellationToken);
    }
}
