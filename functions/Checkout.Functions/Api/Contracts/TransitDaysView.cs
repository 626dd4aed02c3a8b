namespace Checkout.Functions.Api.Contracts;

/// <summary>Transit time in days, as the carrier publishes it.</summary>
internal sealed record TransitDaysView(int Min, int Max);
