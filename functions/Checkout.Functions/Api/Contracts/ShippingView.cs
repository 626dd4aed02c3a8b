using System.ComponentModel;
using Checkout.Domain.Monetary;

namespace Checkout.Functions.Api.Contracts;

/// <summary>A carrier service priced for the parcel; the cost is in the carrier's rate-card currency.</summary>
internal sealed record ShippingView(
    string Carrier,
    string Service,
    MoneyAmount Cost,
    TransitDaysView Days,
    decimal ChargeableWeightKg,
    [property: Description("Things the merchant or carrier must act on, e.g. dangerous_goods.UN3481.")] IReadOnlyList<string> Flags);
