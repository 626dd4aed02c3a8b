namespace Checkout.Workflows.Providers;

/// <summary>
/// Which outside-world providers run, named by settings and never defaulted: <c>Payments:Provider</c> and
/// <c>Payouts:Rail</c>. This build has the sandboxes only (deterministic, with documented test triggers);
/// <c>appsettings.Development.json</c> names them for local runs, and anywhere else the deployment must name them, so
/// a forgotten setting stops start-up instead of quietly taking test money.
/// </summary>
public sealed class ProviderOptions
{
    public const string Sandbox = "sandbox";
    public const string PaymentProviderSetting = "Payments:Provider";
    public const string PayoutRailSetting = "Payouts:Rail";

    public string? PaymentProvider { get; set; }

    public string? PayoutRail { get; set; }

    /// <summary>Null when both name a provider this build has; else what is wrong, naming the setting.</summary>
    public string? Problem() => Check(PaymentProviderSetting, PaymentProvider, "payment provider") ?? Check(PayoutRailSetting, PayoutRail, "payout rail");

    private static string? Check(string setting, string? value, string what) => value switch
    {
        null or "" => $"{setting} is not set: name the {what} to use ('{Sandbox}' is the one this build has). Nothing defaults to a sandbox.",
        Sandbox => null,
        _ => $"{setting} is '{value}', which this build does not have; it has '{Sandbox}'.",
    };
}
