using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>How to choose among the carriers that can take the parcel.</summary>
internal sealed record ShippingRequest([property: Description("cheapest (default) or fastest.")] string? Preference = null);
