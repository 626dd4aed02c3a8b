namespace Checkout.Domain.Logistics;

/// <summary>Stable reason codes for logistics rejections (sanctions codes are in
/// <see cref="Sanctions.SanctionsCodes"/>).</summary>
public static class LogisticsCodes
{
    public const string DestinationNotServed = "logistics.destination_not_served";
    public const string ParcelTooHeavy = "logistics.parcel_too_heavy";
    public const string ParcelTooLarge = "logistics.parcel_too_large";
    public const string DangerousGoodsRefused = "logistics.dangerous_goods_refused";
    public const string InvalidPostalCode = "logistics.invalid_postal_code";

    /// <summary>Prefix of the option flag raised for each UN number in the parcel, e.g. <c>dangerous_goods.UN3481</c>.</summary>
    public const string DangerousGoodsFlagPrefix = "dangerous_goods.";
}
