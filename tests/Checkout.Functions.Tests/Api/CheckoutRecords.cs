using System.Text.Json;
using Azure.Data.Tables;

namespace Checkout.Functions.Tests.Api;

/// <summary>What the app recorded for a checkout, read as an audit would: the payment sandbox's captures (cards' and
/// wallets' alike) and the merchant's payouts.</summary>
internal static class CheckoutRecords
{
    public static async Task<int> CapturesAsync(ApiApp app, string checkoutId)
    {
        var count = 0;
        await foreach (var row in app.Tables.GetTableClient("t" + app.Prefix + "sandboxpayments").QueryAsync<TableEntity>(r => r.RowKey == "capture"))
        {
            count += row.GetString("CheckoutId") == checkoutId && row.GetString("CaptureId") is not null ? 1 : 0;
        }

        return count;
    }

    public static async Task<int> PayoutsAsync(ApiApp app, string checkoutId)
    {
        using var response = await app.SendAsync(HttpMethod.Get, "/api/payouts?limit=100");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("data").EnumerateArray().Count(p => p.GetProperty("checkoutId").GetString() == checkoutId);
    }
}
