using System.Security.Cryptography;
using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payouts;
using Checkout.Functions.Api;
using Checkout.Workflows.Merchants;
using Checkout.Workflows.Payouts;

namespace Checkout.Functions.Commands;

/// <summary>
/// <c>merchants create --name &lt;name&gt; --settlement-currency &lt;ISO 4217&gt; [--payout-account &lt;digits&gt;
/// --payout-country &lt;ISO 3166&gt; [--payout-holder &lt;name&gt;]]</c>: records the merchant's profile and, when given, the
/// bank account its payouts go to (as <c>PUT /api/payout-destination</c> would), and prints a new API key. The key is
/// shown only here; the store keeps a salted hash. Bad input exits 2 having written nothing.
/// </summary>
internal static class CreateMerchantCommand
{
    public const int MaxNameLength = 100;
    private const string Usage = "Usage: Checkout.Functions merchants create --name <name> --settlement-currency <ISO 4217 code, e.g. EUR>"
        + " [--payout-account <4 to 17 digits> --payout-country <ISO 3166 code, e.g. CN> [--payout-holder <name>]]";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var (request, problem) = Parse(args);
        if (problem is not null)
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var profiles = services.GetRequiredService<MerchantProfileStore>();
        var keys = services.GetRequiredService<MerchantKeyStore>();
        var destinations = services.GetRequiredService<PayoutDestinationStore>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await profiles.InitializeAsync(cancellationToken);
        await keys.InitializeAsync(cancellationToken);

        // A random id, so two merchants with the same trading name stay apart; a clash is retried, never overwritten.
        MerchantProfile profile;
        do
        {
            profile = new MerchantProfile("mer_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), request!.Name, request.Currency, now);
        }
        while (!await profiles.CreateAsync(profile, cancellationToken));

        if (request.Destination is { } destination)
        {
            await destinations.SetAsync(profile.MerchantId, destination, now, cancellationToken);
        }

        var key = await keys.CreateKeyAsync(profile.MerchantId, cancellationToken);
        await output.WriteLineAsync($"Merchant {profile.MerchantId} created: {profile.Name}, settles in {profile.SettlementCurrency.Value}.");
        await output.WriteLineAsync(request.Destination is { } paid
            ? $"Payouts go to account ending {paid.Last4} ({paid.Country.Value}, {paid.AccountHolderName})."
            : "No payout destination yet: payouts fail until one is set with PUT /api/payout-destination.");
        await output.WriteLineAsync("API key (shown only now; store it as a secret):");
        await output.WriteLineAsync(key);
        return 0;
    }

    /// <summary>What to create, or a message naming the bad argument.</summary>
    public static (CreateMerchantRequest? Request, string? Problem) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] != "create")
        {
            return (null, "Unknown merchants command; the only one is 'create'.");
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                return (null, $"Option {args[i]} needs a value.");
            }

            if (args[i] is not ("--name" or "--settlement-currency" or "--payout-account" or "--payout-country" or "--payout-holder"))
            {
                return (null, $"Unknown option {args[i]}.");
            }

            options[args[i]] = args[i + 1];
        }

        var name = options.GetValueOrDefault("--name")?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            return (null, $"--name must be 1 to {MaxNameLength} printable characters.");
        }

        var currencyText = options.GetValueOrDefault("--settlement-currency");
        if (!CurrencyCode.TryParse(currencyText, out var currency) || !Iso4217.IsSupported(currency))
        {
            return (null, $"--settlement-currency '{currencyText}' is not a supported ISO 4217 code (upper case, e.g. EUR, USD, CNY).");
        }

        var (destination, problem) = ParseDestination(options, name);
        return problem is null ? (new CreateMerchantRequest(name, currency, destination), null) : (null, problem);
    }

    private static (PayoutDestination? Destination, string? Problem) ParseDestination(Dictionary<string, string> options, string merchantName)
    {
        var account = options.GetValueOrDefault("--payout-account");
        var country = options.GetValueOrDefault("--payout-country");
        var holder = options.GetValueOrDefault("--payout-holder")?.Trim();
        if (account is null && country is null && holder is null)
        {
            return (null, null);
        }

        if (account is null || account.Length is < 4 or > 17 || !account.All(char.IsAsciiDigit))
        {
            return (null, "--payout-account must be 4 to 17 digits.");
        }

        if (country is null || !CountryCodes.IsAssigned(country))
        {
            return (null, $"--payout-country '{country}' is not an assigned ISO 3166-1 alpha-2 code (upper case, e.g. CN).");
        }

        if (holder is not null && (holder.Length is 0 or > 100 || holder.Any(char.IsControl)))
        {
            return (null, "--payout-holder must be 1 to 100 printable characters.");
        }

        return (new PayoutDestination(holder ?? merchantName, account, new CountryCode(country)), null);
    }
}
