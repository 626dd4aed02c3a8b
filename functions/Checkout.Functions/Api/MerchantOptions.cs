namespace Checkout.Functions.Api;

/// <summary>Section <c>Merchants</c> of the app settings.</summary>
internal sealed class MerchantOptions
{
    public const string SectionName = "Merchants";

    public const string DevMerchantId = "dev";

    /// <summary>In Development only: the API key of merchant <c>dev</c>. Ignored elsewhere.</summary>
    public string? DevApiKey { get; set; }

    /// <summary>Merchant <c>dev</c> settles in US dollars and starts with a US bank account (ACH) in the sandbox.</summary>
    public const string DevSettlementCurrency = "USD";

    /// <summary>The routing number of merchant <c>dev</c>'s account: Stripe's test routing number, a valid ABA number.</summary>
    public const string DevPayoutRoutingNumber = "110000000";

    /// <summary>In Development only: the payout account number merchant <c>dev</c> starts with, a sandbox rail test
    /// account (default: paid at once), so local checkouts pay out; <c>PUT /api/payout-destination</c> replaces it for good.</summary>
    public string DevPayoutAccountNumber { get; set; } = "000123456789";
}
