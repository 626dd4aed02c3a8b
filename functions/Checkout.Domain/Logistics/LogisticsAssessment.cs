using Checkout.Domain.Sanctions;

namespace Checkout.Domain.Logistics;

/// <summary>The outcome of <see cref="LogisticsPlanner.Plan"/>: either <see cref="ShippingAvailable"/> or
/// <see cref="LogisticsRejected"/>. Expected outcomes, not exceptions.</summary>
public abstract record LogisticsAssessment;

/// <param name="Options">Every service that can carry the parcel, in the order of the cart's preference.</param>
/// <param name="Chosen">The first of <paramref name="Options"/>: chosen by the cart's shipping preference.</param>
public sealed record ShippingAvailable(IReadOnlyList<ShippingOption> Options, ShippingOption Chosen) : LogisticsAssessment;

/// <param name="Code">One of <see cref="LogisticsCodes"/> or <see cref="SanctionsCodes"/>.</param>
/// <param name="Exclusions">Why each service that serves the corridor could not take the parcel (empty for
/// sanctions, postal-code and coverage rejections).</param>
/// <param name="Sanctions">The screening result when the rejection is a sanctions block.</param>
public sealed record LogisticsRejected(
    string Code,
    string Detail,
    IReadOnlyList<ServiceExclusion> Exclusions,
    SanctionsBlocked? Sanctions = null) : LogisticsAssessment;

/// <summary>Why one carrier service cannot take the parcel.</summary>
public sealed record ServiceExclusion(string Carrier, string Service, string Code, string Detail);
