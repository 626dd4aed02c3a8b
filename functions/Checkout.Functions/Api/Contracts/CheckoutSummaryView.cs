using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>A checkout in a list; GET its status URI for the quote, landed cost and history.</summary>
internal sealed record CheckoutSummaryView(
    string Id,
    [property: Description("Absent for checkouts started before the list existed.")] string? MerchantReference,
    string Status,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    string StatusQueryGetUri,
    [property: Description("False while a sandbox runs (payment provider, payout rail or FX sample rates): no real money moves.")] bool Livemode);
