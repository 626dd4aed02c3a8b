using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Checkout.Workflows.Storage;

namespace Checkout.Functions.Api;

/// <summary>
/// Merchant API keys, stored only as salted SHA-256 hashes (keys are 256-bit random, so a fast hash is enough; the
/// salt stops precomputation). A key reads <c>ck_{keyId}_{secret}</c>: the id finds the row, the hash proves the key,
/// compared in constant time. The Development key of merchant <c>dev</c> is free text, so it lives under key id
/// <c>dev</c>.
/// </summary>
internal sealed class MerchantKeyStore(TableServiceClient tables, ApiTables names)
{
    private const string KeysPartition = "key";
    private const string KeyPrefix = "ck_";

    private TableClient Table => tables.GetTableClient(names.Merchants);

    public Task InitializeAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Creates a key for a merchant and returns it; the plain key exists only in this return value.</summary>
    public async Task<string> CreateKeyAsync(string merchantId, CancellationToken cancellationToken)
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var key = $"{KeyPrefix}{keyId}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        await StoreAsync(keyId, merchantId, key, cancellationToken);
        return key;
    }

    public Task StoreDevKeyAsync(string key, CancellationToken cancellationToken) =>
        StoreAsync(MerchantOptions.DevMerchantId, MerchantOptions.DevMerchantId, key, cancellationToken);

    /// <summary>The merchant the key belongs to, or null for an unknown or wrong key.</summary>
    public async Task<string?> FindMerchantAsync(string key, CancellationToken cancellationToken)
    {
        var keyId = KeyIdOf(key);
        var row = await Table.GetEntityOrNullAsync(KeysPartition, keyId, cancellationToken);
        if (row?.GetBinary("Salt") is not { } salt || row.GetBinary("Hash") is not { } expected)
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(Hash(salt, key), expected) ? row.GetString("MerchantId") : null;
    }

    private async Task StoreAsync(string keyId, string merchantId, string key, CancellationToken cancellationToken)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var row = new TableEntity(KeysPartition, keyId)
        {
            ["MerchantId"] = merchantId,
            ["Salt"] = salt,
            ["Hash"] = Hash(salt, key),
        };
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    private static string KeyIdOf(string key)
    {
        var parts = key.Split('_', 3);
        return key.StartsWith(KeyPrefix, StringComparison.Ordinal) && parts.Length == 3 && parts[1].Length == 16 && parts[1].All(char.IsAsciiHexDigitLower)
            ? parts[1]
            : MerchantOptions.DevMerchantId;
    }

    private static byte[] Hash(byte[] salt, string key) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(key)]);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
