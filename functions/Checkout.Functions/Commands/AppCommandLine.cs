namespace Checkout.Functions.Commands;

/// <summary>
/// The app's one-shot verbs. They are split off before the host sees the arguments, so that a verb's own values (a
/// path starting with '/', a merchant name) are never read as configuration.
/// <list type="bullet">
/// <item><c>merchants create --name &lt;name&gt; --settlement-currency &lt;ISO 4217&gt;</c>: creates a merchant and prints its
/// first API key, once.</item>
/// </list>
/// </summary>
internal sealed record AppCommandLine(string? Verb, IReadOnlyList<string> VerbArgs, string[] HostArgs)
{
    public const string MerchantsVerb = "merchants";

    public static AppCommandLine Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var index = Array.FindIndex(args, a => a is MerchantsVerb);

        // A verb only counts as the first argument that is not the value of a host option (--urls x).
        if (index < 0 || (index > 0 && args[index - 1].StartsWith("--", StringComparison.Ordinal)))
        {
            return new AppCommandLine(null, [], args);
        }

        // A verb's stdout is its result (the document, the new key): keep information logs out of it.
        return new AppCommandLine(args[index], args[(index + 1)..], [.. args[..index], "--Logging:LogLevel:Default=Warning"]);
    }

    public async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return Verb switch
        {
            MerchantsVerb => await CreateMerchantCommand.RunAsync(services, VerbArgs, output, error, cancel.Token),
            _ => throw new InvalidOperationException($"Unknown verb {Verb}."),
        };
    }
}
