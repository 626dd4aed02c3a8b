using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>Where a parcel leaves from or goes to.</summary>
internal sealed record AddressRequest(
    [property: Description("ISO 3166-1 alpha-2 country code, upper case.")] string Country,
    [property: Description("Checked against the country's postal-code format.")] string? PostalCode = null,
    string? Email = null);

/// <summary>Where the parcel goes, and for a buyer in mainland China the identity customs require.</summary>
internal sealed record BuyerAddressRequest(
    [property: Description("ISO 3166-1 alpha-2 country code, upper case.")] string Country,
    [property: Description("Checked against the country's postal-code format.")] string? PostalCode = null,
    string? Email = null,
    BuyerIdentityRequest? Identity = null);
