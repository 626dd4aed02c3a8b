using Checkout.Domain.Monetary;

namespace Checkout.Workflows.Refunds;

/// <summary>What asking for a refund came to: the pending refund created, or none because the amount asked for is more
/// than <see cref="Remaining"/> (or nothing remains). <see cref="OthersPending"/>: earlier refunds of the checkout were
/// still pending when it was decided.</summary>
public sealed record RefundReservation(Refund? Created, Money Remaining, bool OthersPending);
