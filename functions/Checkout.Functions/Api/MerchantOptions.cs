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
}
