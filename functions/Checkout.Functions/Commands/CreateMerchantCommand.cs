using System.Security.Cryptography;
using System.Text.Json;
using Checkout.Domain.Geography;
using Checkout.Domain.Monetary;
using Checkout.Domain.Payouts;
using Checkout.Functions.Api;
using Checkout.Functions.Api.Payouts;
using Checkout.Workflows.Merchants;
using Checkout.Workflows.Payouts;

namespace Checkout.Functions.Commands;

/// <summary>
/// <c>merchants create --name &lt;name&gt; --settlement-currency &lt;ISO 4217&gt; [--payout-destination &lt;JSON&gt;]</c>:
/// records the merchant's profile and, when given, the bank account its payouts go to (the JSON body
/// <c>PUT /api/payout-destination</c> takes, checked the same way, in the settlement currency), and prints a new API key. The key is
/// shown only here; the store keeps a salted hash. Bad input exits 2 having written nothing.
/// </summary>
internal static class CreateMerchantCommand
{
    public const int MaxNameLength = 100;
    private const string Usage = "Usage: Checkout.Functions merchants create --name <name> --settlement-currency <ISO 4217 code, e.g. EUR>"
        + " [--payout-destination <JSON as PUT /api/payout-destination takes it, e.g. '{\"accountHolderName\":\"Lahore Crafts\",\"country\":\"PK\",\"currency\":\"PKR\",\"iban\":\"PK...\",\"bic\":\"SCBLPKKX\"}'>]";

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
            ? $"Payouts go to account {paid.Account.Masked} ({paid.Country.Value}, {paid.Currency.Value}, {paid.AccountHolderName})."
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

            if (args[i] is not ("--name" or "--settlement-currency" or "--payout-destination"))
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

        var (destination, problem) = ParseDestination(options.GetValueOrDefault("--payout-destination"), currency);
        return problem is null ? (new CreateMerchantRequest(name, currency, destination), null) : (null, problem);
    }

    /// <summary>The destination as <c>PUT /api/payout-destination</c> takes it (the same parser and checks), in the
    /// merchant's settlement currency.</summary>
    private static (PayoutDestination? Destination, string? Problem) ParseDestination(string? json, CurrencyCode settlement)
    {
        if (json is null)
        {
            return (null, null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return (null, "--payout-destination must be a JSON object, as PUT /api/payout-destination takes it.");
        }

        using (document)
        {
            var (destination, errors) = PayoutDestinationParser.ParseFields(document.RootElement);
            if (destination is null)
            {
                return (null, "--payout-destination: " + string.Join("; ", errors.Select(e => $"{e.Pointer} {e.Detail}")));
            }

            return destination.Currency == settlement
                ? (destination, null)
                : (null, $"--payout-destination: #/currency must be the settlement currency {settlement.Value}.");
        }
    }
}
