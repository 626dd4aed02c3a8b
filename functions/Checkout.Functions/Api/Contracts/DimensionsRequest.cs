namespace Checkout.Functions.Api.Contracts;

/// <summary>Parcel dimensions of one unit, in centimetres (0.1 to 1000).</summary>
internal sealed record DimensionsRequest(decimal Length, decimal Width, decimal Height);
