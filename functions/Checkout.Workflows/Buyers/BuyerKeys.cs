using System.Security.Cryptography;
using System.Text;
using Checkout.Domain.Buyers;
using Microsoft.Extensions.Options;

namespace Checkout.Workflows.Buyers;

/// <summary>
/// The buyer key: HMAC-SHA256 of the identity card number under <see cref="BuyerKeyOptions.IdentityHashKey"/>, hex. It
/// finds the same person's orders across checkouts for China's annual CBEC limit without storing the number: without
/// the key it cannot be reversed by hashing every possible number (there are only about 10^11 of them).
/// </summary>
public sealed class BuyerKeys(IOptions<BuyerKeyOptions> options)
{
    private readonly byte[] _key = options.Value.Key() ?? throw new InvalidOperationException(options.Value.Problem(development: true));

    public string For(BuyerIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);

        // The check character X may be typed in either case; it is one person.
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(identity.IdNumber.Trim().ToUpperInvariant())));
    }
}
