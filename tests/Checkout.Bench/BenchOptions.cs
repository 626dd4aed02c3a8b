using System.Globalization;

namespace Checkout.Bench;

/// <summary>What one bench invocation runs; parsed from <c>--name value</c> arguments (see <see cref="Usage"/>).</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        ./bench.sh [options]
          --checkouts N        checkouts per load run (default 2000)
          --concurrency C      checkouts in flight at most (default 128)
          --rate R             offer R checkouts/s instead of as fast as possible (default: as fast as possible)
          --instances LIST     app instance counts to run, comma-separated (default 1,2)
          --half-peak          also run one instance at half the peak rate measured with one instance
          --chaos              also run a chaos round: SIGKILL + restart an instance every --kill-every seconds,
                               restart Azurite once (SIGTERM), then audit
          --chaos-only         run only the chaos round (on the largest --instances count)
          --kill-every K       seconds between kills in the chaos round (default 10)
          --max-kills M        stop killing after M kills (default: no limit)
          --chaos-checkouts N  checkouts in the chaos round (default: --checkouts)
          --warm-up W          checkouts driven at --concurrency before each as-fast-as-possible run is measured,
                               after the cold start's 3 per instance, and left out of its figures (default 100): the
                               run then measures the app with most of its code compiled, not the JIT (the baseline
                               warms up the same way; paced and chaos runs only take the cold start's 3)
          --ceiling-seconds S  how long the Azurite ceiling probe runs per run (default 15)
          --poll-ms P          the baseline's first status poll after P ms, then doubling up to 1 s (default 50); the app's
                               checkouts are followed by their webhooks, polled only when one is 15 s late
          --baseline           also run the bare-engine baseline (a checkout-shaped orchestration with no business
                               logic, same engine settings, --checkouts of them at --concurrency, fresh Azurite) and
                               compare the first as-fast-as-possible run with it
          --output DIR         where results go (default bench-results)
        """;

    public int Checkouts { get; init; } = 2000;

    public int Concurrency { get; init; } = 128;

    /// <summary>Checkouts started per second; null means as fast as the concurrency limit allows.</summary>
    public double? Rate { get; init; }

    public IReadOnlyList<int> Instances { get; init; } = [1, 2];

    public bool HalfPeak { get; init; }

    public bool Baseline { get; init; }

    public bool Chaos { get; init; }

    public bool ChaosOnly { get; init; }

    public TimeSpan KillEvery { get; init; } = TimeSpan.FromSeconds(10);

    public int? ChaosCheckouts { get; init; }

    public int? MaxKills { get; init; }

    /// <summary>Checkouts (or baseline orchestrations) driven at full concurrency before an as-fast-as-possible run is
    /// measured.</summary>
    public int WarmUp { get; init; } = 100;

    public TimeSpan CeilingDuration { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    public string Output { get; init; } = "bench-results";

    /// <summary>The command line that reproduces this run, for the report.</summary>
    public string CommandLine { get; init; } = "./bench.sh";

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions { CommandLine = string.Join(' ', ["./bench.sh", .. args]) };
        for (var i = 0; i < args.Count; i++)
        {
            options = Apply(options, args[i], () => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value."));
        }

        return options;
    }

    private static BenchOptions Apply(BenchOptions o, string name, Func<string> value) => name switch
    {
        "--checkouts" => o with { Checkouts = Positive(name, value()) },
        "--concurrency" => o with { Concurrency = Positive(name, value()) },
        "--rate" => o with { Rate = double.Parse(value(), CultureInfo.InvariantCulture) },
        "--instances" => o with { Instances = [.. value().Split(',').Select(v => Positive(name, v))] },
        "--half-peak" => o with { HalfPeak = true },
        "--baseline" => o with { Baseline = true },
        "--chaos" => o with { Chaos = true },
        "--chaos-only" => o with { Chaos = true, ChaosOnly = true },
        "--kill-every" => o with { KillEvery = TimeSpan.FromSeconds(Positive(name, value())) },
        "--max-kills" => o with { MaxKills = Positive(name, value()) },
        "--warm-up" => o with { WarmUp = NonNegative(name, value()) },
        "--ceiling-seconds" => o with { CeilingDuration = TimeSpan.FromSeconds(Positive(name, value())) },
        "--chaos-checkouts" => o with { ChaosCheckouts = Positive(name, value()) },
        "--poll-ms" => o with { PollInterval = TimeSpan.FromMilliseconds(Positive(name, value())) },
        "--output" => o with { Output = value() },
        _ => throw new ArgumentException($"Unknown option {name}."),
    };

    private static int NonNegative(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"{name} must be a whole number, 0 or more, not '{text}'.");

    private static int Positive(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number, not '{text}'.");
}
