namespace Checkout.Functions.Api;

/// <summary>Section <c>Merchants</c> of the app settings.</summary>
internal sealed class MerchantOptions
{
    public const string SectionName = "Merchants";

    public const string DevMerchantId = "dev";

    /// <summary>In Development only: the API key of merchant <c>dev</c>. Ignored elsewhere.</summary>
    public string? DevApiKey { get; set; }

    /// <summary>In Development only: the settlement currency of merchant <c>dev</c>.</summary>
    public string DevSettlementCurrency { get; set; } = "USD";

    /// <summary>In Development only: the payout account merchant <c>dev</c> starts with, a sandbox rail test account
    /// (default: paid at once), so local checkouts pay out; <c>PUT /api/payout-destination</c> replaces it for good.</summary>
    public string DevPayoutAccountNumber { get; set; } = "000123456789";
}
