using Checkout.Domain.Fx;

namespace Checkout.Workflows.Fx;

/// <summary>
/// Where quotes get their reference rates; section <c>Fx</c>. <c>Fx:Source</c> is <c>live</c> unless set: the ECB's
/// daily file plus a supplementary feed for the currencies the ECB does not publish, fetched on a timer, checked and
/// stored. <c>sandbox</c> (what <c>appsettings.Development.json</c> names) quotes the sample rates built into the
/// domain, whatever their date, and every such quote says <c>"sample": true</c>.
/// </summary>
public sealed class FxOptions
{
    public const string SectionName = "Fx";
    public const string Live = "live";
    public const string Sandbox = "sandbox";

    public string Source { get; set; } = Live;

    /// <summary>The ECB's <c>eurofxref-daily.xml</c>, or a copy in the same format.</summary>
    public FxFeedOptions Ecb { get; set; } = new() { Url = EcbRateParser.SourceUrl };

    /// <summary>A <c>latest.json</c>-shaped feed (Open Exchange Rates' format) for PKR, MOP, AED and the others the
    /// ECB does not publish. No default: the deployment names the feed it has a key for.</summary>
    public FxFeedOptions Supplementary { get; set; } = new();

    /// <summary>The largest change of any one rate from the set in force that a new set may bring (0.2 = 20%); a
    /// bigger one is far likelier a feed's mistake than a market move, so the set is refused and logged.</summary>
    public decimal MaxMove { get; set; } = 0.20m;

    /// <summary>Each feed request's limit; a feed that does not answer in time leaves the rates in force.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the timer fetches (a TimeSpan schedule): the ECB publishes once a working day around
    /// 16:00 CET, supplementary feeds hourly.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often each instance rereads the newest stored set, so a set one instance fetched reaches all.</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsSandbox => Source == Sandbox;

    /// <summary>Null when the settings make sense; else what is wrong, naming the setting.</summary>
    public string? Problem()
    {
        if (Source is not (Live or Sandbox))
        {
            return $"{SectionName}:Source is '{Source}'; use '{Live}' (the ECB and a supplementary feed) or '{Sandbox}' (the built-in sample rates).";
        }

        if (MaxMove is <= 0m or > 1m || FetchTimeout <= TimeSpan.Zero || RefreshInterval < TimeSpan.FromSeconds(1) || ReloadInterval < TimeSpan.FromSeconds(1))
        {
            return $"{SectionName}:MaxMove must be above 0 and at most 1, and {SectionName}:FetchTimeout, RefreshInterval and ReloadInterval positive.";
        }

        return Source == Sandbox ? null
            : Ecb.Problem($"{SectionName}:Ecb:Url", "the ECB's daily reference rates")
              ?? Supplementary.Problem($"{SectionName}:Supplementary:Url", "a latest.json feed for the currencies the ECB does not publish (PKR, MOP, AED, ...)");
    }
}

/// <summary>One feed's address and, where it needs one, its key (sent as <c>Authorization: Token ...</c>, never in
/// the URL, so it cannot end up in a log or a stored rate's source).</summary>
public sealed class FxFeedOptions
{
    public string? Url { get; set; }

    public string? ApiKey { get; set; }

    internal Uri Address => new(Url!, UriKind.Absolute);

    internal string? Problem(string setting, string what) =>
        Uri.TryCreate(Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? null
            : string.IsNullOrEmpty(Url)
                ? $"{setting} is not set: live FX rates need {what}, or set {FxOptions.SectionName}:Source to '{FxOptions.Sandbox}' for the built-in sample rates."
                : $"{setting} is '{Url}', which is not an absolute http(s) URL.";
}
