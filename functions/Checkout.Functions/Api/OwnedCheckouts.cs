using System.Text.RegularExpressions;
using Checkout.Workflows.Persistence;

namespace Checkout.Functions.Api;

/// <summary>Reads a checkout for the merchant that owns it: one point read in that merchant's partition. Another
/// merchant's checkout and a malformed id read as absent, so a 404 says nothing about whether the id exists.</summary>
internal static partial class OwnedCheckouts
{
    public static async Task<StoredCheckout?> FindAsync(CheckoutStore store, string merchantId, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return IdFormat().IsMatch(id) ? await store.GetAsync(merchantId, id, cancellationToken) : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdFormat();
}
