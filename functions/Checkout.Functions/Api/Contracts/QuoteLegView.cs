namespace Checkout.Functions.Api.Contracts;

/// <summary>One source currency of a quote, with the mid rate and the spread behind the client rate.</summary>
internal sealed record QuoteLegView(string From, decimal Rate, decimal MidRate, int SpreadBps);
