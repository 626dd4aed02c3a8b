namespace Checkout.Domain.Sanctions;

/// <summary>Stable reason codes for sanctions blocks.</summary>
public static class SanctionsCodes
{
    public const string EmbargoedCountry = "sanctions.embargoed_country";
    public const string EmbargoedRegion = "sanctions.embargoed_region";

    /// <summary>The destination country contains embargoed regions that are identified by postal code, and the
    /// address has none: screening cannot clear it, so it fails closed.</summary>
    public const string RegionUndetermined = "sanctions.region_undetermined";
}
