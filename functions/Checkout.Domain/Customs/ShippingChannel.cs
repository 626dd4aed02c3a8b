namespace Checkout.Domain.Customs;

/// <summary>How the parcel crosses the border. Some low-value thresholds depend on it (Canada: mail vs courier).</summary>
public enum ShippingChannel
{
    Courier,
    Postal,
}
