using System.ComponentModel;

namespace Checkout.Functions.Api.Contracts;

/// <summary>One source currency of a quote, with the mid rate and the spread behind the client rate. Rates are decimal
/// strings: their precision is more than a JavaScript number keeps.</summary>
internal sealed record QuoteLegView(
    string From,
    [property: Description("Client rate, a decimal string, e.g. \"39.16824\".")] string Rate,
    [property: Description("Mid (reference) rate, a decimal string.")] string MidRate,
    int SpreadBps);
