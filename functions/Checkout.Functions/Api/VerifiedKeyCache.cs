using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Checkout.Functions.Api;

/// <summary>
/// Remembers API keys that verified, for a minute, so a merchant polling a checkout's status costs one storage read per
/// poll instead of two. Only verified keys are remembered, by their SHA-256 and never in plain text, so a flood of
/// wrong keys cannot grow it. There is no key revocation yet; when there is, it must clear this cache.
/// </summary>
internal sealed class VerifiedKeyCache(MerchantKeyStore keys, TimeProvider clock)
{
    private const int Capacity = 10_000;

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (string MerchantId, DateTimeOffset Expires)> _verified = new(StringComparer.Ordinal);

    /// <summary>The merchant the key belongs to, or null for an unknown or wrong key.</summary>
    public async Task<string?> FindMerchantAsync(string key, CancellationToken cancellationToken)
    {
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var now = clock.GetUtcNow();
        if (_verified.TryGetValue(digest, out var known) && known.Expires > now)
        {
            return known.MerchantId;
        }

        var merchant = await keys.FindMerchantAsync(key, cancellationToken);
        if (merchant is not null)
        {
            if (_verified.Count >= Capacity)
            {
                _verified.Clear();
            }

            _verified[digest] = (merchant, now + Lifetime);
        }

        return merchant;
    }
}
