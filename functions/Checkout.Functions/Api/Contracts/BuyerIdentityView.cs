using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>A buyer's identity as every view shows it: masked.</summary>
internal sealed record BuyerIdentityView(
    [property: Description("The name's first character, the rest hidden, e.g. 王*.")] string Name,
    [property: Description("The number's 6-character address code and last four, the birth date hidden, e.g. 110105********002X.")] string IdNumber);
