using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>The buyer's identity for a cross-border e-commerce import into mainland China.</summary>
[Description("Chinese customs require the name and PRC resident identity card number of the buyer (who must be the payer) for a CBEC import: required to start a checkout to CN, optional for an estimate. Never logged, shown only masked, deleted once the checkout ends.")]
internal sealed record BuyerIdentityRequest(
    [property: Description("The buyer's name as on the identity card, 1 to 50 characters.")] string Name,
    [property: Description("The 18-character resident identity card number (GB 11643): 17 digits and a check character, a digit or X.")] string IdNumber);
