using System.Text;

namespace Checkout.Functions.Api;

/// <summary>The raw body of a provider's signed webhook (the payout rail's, a wallet's): read whole as text, since the
/// signature covers the exact bytes, and refused over 64 KiB before anything else is done with it.</summary>
internal static class ProviderWebhookBody
{
    public const int MaxBytes = 64 * 1024;

    public static async Task<(string? Body, ApiResponse? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return (null, ApiProblems.PayloadTooLarge(MaxBytes));
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        return Encoding.UTF8.GetByteCount(body) > MaxBytes ? (null, ApiProblems.PayloadTooLarge(MaxBytes)) : (body, null);
    }
}
