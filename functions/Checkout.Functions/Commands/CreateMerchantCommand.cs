using System.Security.Cryptography;
using Checkout.Domain.Monetary;
using Checkout.Functions.Api;
using Checkout.Workflows.Merchants;

namespace Checkout.Functions.Commands;

/// <summary>
/// <c>merchants create --name &lt;name&gt; --settlement-currency &lt;ISO 4217&gt;</c>: records the merchant's profile and
/// prints a new API key. The key is shown only here; the store keeps a salted hash. Bad input exits 2 having written
/// nothing.
/// </summary>
internal static class CreateMerchantCommand
{
    public const int MaxNameLength = 100;
    private const string Usage = "Usage: Checkout.Functions merchants create --name <name> --settlement-currency <ISO 4217 code, e.g. EUR>";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var (name, currency, problem) = Parse(args);
        if (problem is not null)
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var profiles = services.GetRequiredService<MerchantProfileStore>();
        var keys = services.GetRequiredService<MerchantKeyStore>();
        await profiles.InitializeAsync(cancellationToken);
        await keys.InitializeAsync(cancellationToken);

        // A random id, so two merchants with the same trading name stay apart; a clash is retried, never overwritten.
        MerchantProfile profile;
        do
        {
            profile = new MerchantProfile("mer_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), name!, currency, services.GetRequiredService<TimeProvider>().GetUtcNow());
        }
        while (!await profiles.CreateAsync(profile, cancellationToken));

        var key = await keys.CreateKeyAsync(profile.MerchantId, cancellationToken);
        await output.WriteLineAsync($"Merchant {profile.MerchantId} created: {profile.Name}, settles in {profile.SettlementCurrency.Value}.");
        await output.WriteLineAsync("API key (shown only now; store it as a secret):");
        await output.WriteLineAsync(key);
        return 0;
    }

    /// <summary>The name and currency, or a message naming the bad argument.</summary>
    public static (string? Name, CurrencyCode Currency, string? Problem) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] != "create")
        {
            return (null, default, "Unknown merchants command; the only one is 'create'.");
        }

        string? name = null;
        string? currencyText = null;
        for (var i = 1; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                return (null, default, $"Option {args[i]} needs a value.");
            }

            switch (args[i])
            {
                case "--name": name = args[i + 1]; break;
                case "--settlement-currency": currencyText = args[i + 1]; break;
                default: return (null, default, $"Unknown option {args[i]}.");
            }
        }

        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            return (null, default, $"--name must be 1 to {MaxNameLength} printable characters.");
        }

        if (!CurrencyCode.TryParse(currencyText, out var currency) || !Iso4217.IsSupported(currency))
        {
            return (null, default, $"--settlement-currency '{currencyText}' is not a supported ISO 4217 code (upper case, e.g. EUR, USD, CNY).");
        }

        return (name, currency, null);
    }
}
